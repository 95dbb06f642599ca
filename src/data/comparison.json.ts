// Framework data loader: the comparison page's default view, agreed against immediate fair share with the default
// runs and seed, simulated at build time (see default-outcomes.ts).
import {DEFAULT_RUNS, DEFAULT_SEED} from "../../simulations/index.ts";
import {defaultOutcomes, emit} from "./default-outcomes.ts";

emit(() => {
  const {scenarios, outcome} = defaultOutcomes();
  const agreed = scenarios["agreed"]!;
  const immediate = scenarios["immediate"]!;
  return {scenarios: [agreed, immediate], outcomes: [outcome(agreed, immediate)], runs: DEFAULT_RUNS, seed: DEFAULT_SEED, elapsedMs: 0, atBuild: true};
});
