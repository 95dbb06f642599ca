// `npm run bench` (part of it): how fast the fair-share solver is on the real data. Prints JSON lines like
// scripts/bench.ts. Targets: the deterministic solver ≤ 50 ms; the robust solver ≤ 2 s for 5,000 runs per
// candidate. Wall-clock figures depend on what else the machine does; `cpuMs` helps to tell. Not a test.
import {loadDatasets} from "../loaders/datasets.ts";
import {prepareInputs} from "../simulations/index.ts";
import {loadScenario} from "../simulations/scenario/files.ts";
import {solveFairShare, solveRobust, type FairShareOptions} from "../simulations/solver/index.ts";
import {simulateBurdens} from "../simulations/measures/index.ts";

const base = loadScenario("agreed");
const inputs = prepareInputs(loadDatasets("data"), base);
const fixed: FairShareOptions = {from: 2027, to: 2030, measure: "lettings", total: 227, fixed: {Amersfoort: 108}};
const free: FairShareOptions = {from: 2027, to: 2030, measure: "lettings", total: 227};

function measure(name: string, extra: Record<string, unknown>, body: () => Record<string, unknown> | void, repeats: number): void {
  const times: number[] = [];
  const cpu: number[] = [];
  let info: Record<string, unknown> | void = undefined;
  for (let i = 0; i < repeats; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    info = body();
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      bench: name,
      ...extra,
      repeats,
      ms: Math.round(sorted[0]! * 100) / 100,
      msMedian: Math.round(sorted[Math.floor(repeats / 2)]! * 100) / 100,
      cpuMs: Math.round(Math.min(...cpu)),
      ...info
    })
  );
}

// Warm up the JIT, as a page would be.
solveFairShare(inputs, base, fixed);
solveRobust(inputs, base, fixed, {runs: 500, seed: 9, maxEvaluations: 3});

measure("solve (lexicographic min-max)", {fixed: "Amersfoort=108", measure: "lettings"}, () => void solveFairShare(inputs, base, fixed), 50);
measure("solve (lexicographic min-max)", {fixed: "none", measure: "lettings"}, () => void solveFairShare(inputs, base, free), 50);
for (const [label, options] of [[108, fixed], ["free", free]] as const) {
  measure(
    "solve --robust",
    {fixed: label, measure: "lettings", runs: 5000},
    () => {
      const r = solveRobust(inputs, base, options, {runs: 5000, seed: 1});
      return {evaluations: r.evaluations, steps: r.steps, converged: r.converged, pAllWithinStart: r.pAllWithinStart, pAllWithin: r.pAllWithin, pAllWithinBase: r.pAllWithinBase};
    },
    3
  );
}
measure("burden summaries (simulate + summaries + burdens)", {runs: 5000}, () => void simulateBurdens({a: {inputs, scenario: base}, runs: 5000, seed: 1}), 3);
