// The fair-share solver: pure functions, no I/O, browser-safe (command line and pages share it).
export {lexMinMax, violations, compareBurden, type LexProblem} from "./lexMinMax.ts";
export {InfeasibleError, type Violation} from "./infeasible.ts";
export {fairShareProblem, expectedReturners, expectedLettings, type FairShareOptions, type FairShareProblem} from "./problem.ts";
export {solveFairShare, describeSolution, agreedTargets, type FairShareSolution, type Binding} from "./solve.ts";
export {solveRobust, compareScores, type RobustOptions, type RobustSolution, type RobustScore} from "./robust.ts";
export {proposalScenario, replacePeriod, type ProposalMeta} from "./scenario.ts";
export {formatCount, formatDecimal, formatPercent} from "./format.ts";
