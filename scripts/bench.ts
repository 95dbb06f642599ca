// `npm run bench`: how fast the engine is on the agreed scenario and the real data. Prints JSON lines.
// Targets (issue 8): 10,000 runs of `simulate` ≤ 30 ms on one core (best of 5); 1,000,000 runs on a pool of two
// workers ≤ 3 s; peak memory ≤ 400 MB. Each line says its target (`targetMs`, `targetPeakRssMB`) where it has one.
// Timings are wall clock and depend on what else the machine is doing; `cpuMs` (this process's CPU time) helps
// to tell a slow engine from a busy machine. Not a test: nothing here fails on time. The pool line runs in a fresh
// process of its own (`--pool-only`), so its peak memory is the pool's, not the high-water mark of the benchmarks
// before it.
import {loadDatasets} from "../loaders/datasets.ts";
import {addResult, emptySummary, flowRows, mergeSummary, prepareInputs, probabilityRows, simulate, summarize, simulateSummaries, summaryRows, type Summary} from "../simulations/index.ts";
import {loadScenario} from "../simulations/scenario/files.ts";
import {runPool} from "../simulations/runner/pool.ts";
import {spawnSync} from "node:child_process";
import {fileURLToPath} from "node:url";

const args = process.argv.slice(2);
const poolOnly = args.includes("--pool-only");
const scenarioId = args.find((x) => !x.startsWith("--")) ?? "agreed";
const scenario = loadScenario(scenarioId);
const inputs = prepareInputs(loadDatasets("data"), scenario);
const a = {inputs, scenario};
const mb = (bytes: number) => Math.round(bytes / 1048576);

async function measure(name: string, runs: number, threads: number, body: () => unknown | Promise<unknown>, repeats: number, targetMs?: number) {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await body();
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const best = Math.min(...times);
  const memory = process.memoryUsage();
  console.log(
    JSON.stringify({
      bench: name,
      scenario: scenario.id,
      runs,
      threads,
      repeats,
      ms: Math.round(best),
      msMedian: Math.round([...times].sort((x, y) => x - y)[Math.floor(repeats / 2)]!),
      cpuMs: Math.round(Math.min(...cpu)),
      runsPerSecond: Math.round(runs / (best / 1000)),
      ...(targetMs !== undefined && {targetMs, met: best <= targetMs}),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
      targetPeakRssMB: 400,
      heapUsedMB: mb(memory.heapUsed),
      rssMB: mb(memory.rss)
    })
  );
}

// The single-thread benchmarks, in this process.
async function singleThread(): Promise<void> {
  // Warm up the JIT, as a page or a long command line would be: V8 needs a few calls of 10,000 runs before the run
  // loop's optimised code settles (after 2,000 runs the first of five timed calls still ran at about half speed).
  for (let i = 0; i < 3; i++) summarize(simulate(inputs, scenario, {runs: 10_000, seed: 99 + i}));

  await measure("simulate", 10_000, 1, () => simulate(inputs, scenario, {runs: 10_000, seed: 1}), 5, 30);
  await measure("simulate+summarize", 10_000, 1, () => summarize(simulate(inputs, scenario, {runs: 10_000, seed: 1})), 5);
  // The summaries alone (issues 8 and 10): the summary table of 10,000 runs already simulated; merging two workers'
  // summaries of 5,000 runs each (what a page does after a re-simulation); copying one to another thread (the
  // workers transfer them instead, which copies nothing).
  const result = simulate(inputs, scenario, {runs: 10_000, seed: 1});
  await measure("summarize", 10_000, 1, () => summarize(result), 5, 25);
  const halves = [0, 5_000].map((firstRun) => simulate(inputs, scenario, {runs: 5_000, seed: 1, firstRun}));
  const summaryOf = (r: (typeof halves)[number]): Summary => {
    const s = emptySummary(r);
    addResult(s, r);
    return s;
  };
  const pairs = Array.from({length: 5}, () => halves.map(summaryOf));
  await measure("mergeSummary", 10_000, 1, () => mergeSummary(pairs[0]![0]!, pairs.shift()![1]!), 5, 10);
  // A page's 10,000-run re-simulation on two workers (issue 10): one worker's share, its summaries of 5,000 runs
  // already simulated and the whole of it (simulated and summarised); then the page's part, merging the two
  // workers' summaries and making the tables (as the worker-side makeTables does).
  await measure("addResult", 5_000, 1, () => summaryOf(halves[0]!), 5);
  await measure("simulateSummaries", 5_000, 1, () => simulateSummaries({a, runs: 5_000, seed: 1}), 5);
  const toMerge = Array.from({length: 5}, () => halves.map(summaryOf));
  await measure("mergeSummary+tables", 10_000, 1, () => {
    const [x, y] = toMerge.shift()!;
    mergeSummary(x!, y!);
    return [summaryRows(x!), probabilityRows(x!), flowRows(x!)];
  }, 5);
  const clone = summaryOf(halves[0]!);
  await measure("structuredClone summary", 5_000, 1, () => structuredClone(clone), 5);
  await measure("chunked simulate+summarize", 100_000, 1, () => summaryRows(simulateSummaries({a, runs: 100_000, seed: 1}).a), 3);
}

if (poolOnly) {
  await measure("pool simulate+summarize", 1_000_000, 2, async () => summaryRows((await runPool({a, runs: 1_000_000, seed: 1}, {workers: 2})).a), 1, 3000);
} else {
  await singleThread();
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), scenarioId, "--pool-only"], {stdio: "inherit"});
  if (child.status !== 0) process.exitCode = child.status ?? 1;
}
