// Node-only: runs a summary job on several worker threads. Runs are handed out as ranges of run indices; each run
// draws from its own seeded streams and summaries merge exactly, so the numbers are the same for any number of
// workers, any range size, and the same as `simulateSummaries` on one thread.
import {Worker} from "node:worker_threads";
import {fileURLToPath} from "node:url";
import {buildSync} from "esbuild";
import {DEFAULT_CHUNK, mergeJobSummaries, simulateSummaries, type JobSummaries, type SummaryJob} from "./chunked.ts";
import type {WorkerData, WorkerReply, WorkerRequest} from "./worker.ts";

export interface PoolOptions {
  /** Worker threads (default 2); 1 runs on the calling thread. */
  readonly workers?: number;
  /** Called with the number of runs done so far. */
  readonly onProgress?: (runsDone: number) => void;
}

// The worker is TypeScript, and Node 20 does not run loader hooks (tsx) in worker threads: bundle it once with
// esbuild into one ES module and start workers from it as a data: URL (no temporary file to clean up).
let workerUrl: URL | undefined;
function workerModule(): URL {
  if (!workerUrl) {
    const out = buildSync({
      entryPoints: [fileURLToPath(new URL("./worker.ts", import.meta.url))],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      write: false,
      logLevel: "silent"
    });
    workerUrl = new URL("data:text/javascript;base64," + Buffer.from(out.outputFiles[0]!.contents).toString("base64"));
  }
  return workerUrl;
}

/**
 * Simulates a job's runs on a pool of worker threads and returns the merged summaries.
 *
 * @example
 * const {a} = await runPool({a: {inputs, scenario}, runs: 1_000_000, seed: 1}, {workers: 2});
 * summaryRows(a);
 */
export async function runPool(job: SummaryJob, options: PoolOptions = {}): Promise<JobSummaries> {
  const workers = options.workers ?? 2;
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`workers must be a positive integer, got ${workers}`);
  const chunkSize = job.chunkSize ?? DEFAULT_CHUNK;
  if (workers === 1) return simulateSummaries({...job, chunkSize}, options.onProgress);
  const first = job.firstRun ?? 0;

  // Ranges of a few chunks each, handed out as workers become free (balances uneven speed).
  const rangeSize = Math.max(chunkSize, Math.ceil(job.runs / (workers * 8)));
  const ranges: {firstRun: number; runs: number}[] = [];
  for (let done = 0; done < job.runs; done += rangeSize) ranges.push({firstRun: first + done, runs: Math.min(rangeSize, job.runs - done)});

  const data: WorkerData = {a: job.a, b: job.b, seed: job.seed, chunkSize, ...(job.flows !== undefined ? {flows: job.flows} : {}), ...(job.metrics !== undefined ? {metrics: job.metrics} : {}), ...(job.reuseDraws !== undefined ? {reuseDraws: job.reuseDraws} : {})};
  const threads = Array.from({length: Math.min(workers, ranges.length)}, () => new Worker(workerModule(), {workerData: data}));
  let done = 0;
  try {
    const results = await Promise.all(
      threads.map(
        (worker) =>
          new Promise<JobSummaries | null>((resolve, reject) => {
            const next = () => {
              const range = ranges.shift();
              worker.postMessage((range ? {type: "run", ...range} : {type: "finish"}) satisfies WorkerRequest);
            };
            worker.on("message", (reply: WorkerReply) => {
              if (reply.type === "progress") {
                done += reply.runs;
                options.onProgress?.(done);
              } else if (reply.type === "idle") next();
              else if (reply.type === "done") resolve(reply.summaries);
              else reject(new Error(`worker failed: ${reply.message}`));
            });
            worker.on("error", reject);
            worker.on("exit", (code) => reject(new Error(`worker exited with code ${code} before finishing`)));
            next();
          })
      )
    );
    return mergeJobSummaries(results.filter((r): r is JobSummaries => r !== null));
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
}
