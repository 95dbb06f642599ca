// A pool worker: simulates the run ranges it is given, adding them to its summaries, and sends those back once.
// Merging is exact (integer counts), so which worker ran which range does not change any number.
import {parentPort, workerData} from "node:worker_threads";
import {addSummaries, jobSummaryBuffers, type JobSummaries, type Prepared, type SummaryJob} from "./chunked.ts";

export interface WorkerData {
  readonly a: Prepared;
  readonly b?: Prepared | undefined;
  readonly seed: number;
  readonly chunkSize: number;
  readonly flows?: boolean;
  readonly metrics?: SummaryJob["metrics"];
  readonly reuseDraws?: boolean;
}
export type WorkerRequest = {type: "run"; firstRun: number; runs: number} | {type: "finish"};
export type WorkerReply =
  | {type: "progress"; runs: number}
  | {type: "idle"}
  | {type: "done"; summaries: JobSummaries | null}
  | {type: "error"; message: string};

const data = workerData as WorkerData;
const port = parentPort!;
let merged: JobSummaries | null = null;

port.on("message", (request: WorkerRequest) => {
  try {
    if (request.type === "finish") {
      // The summaries move to the main thread (transfer list): no copy of their buffers.
      port.postMessage({type: "done", summaries: merged} satisfies WorkerReply, merged ? jobSummaryBuffers(merged) : []);
      return;
    }
    let reported = 0;
    // Each range adds to this worker's summaries (integer counts: the same as merging per range, without the copies).
    merged = addSummaries({a: data.a, b: data.b, runs: request.runs, seed: data.seed, firstRun: request.firstRun, chunkSize: data.chunkSize, flows: data.flows, metrics: data.metrics, reuseDraws: data.reuseDraws}, merged ?? undefined, (done) => {
      port.postMessage({type: "progress", runs: done - reported} satisfies WorkerReply);
      reported = done;
    });
    port.postMessage({type: "idle"} satisfies WorkerReply);
  } catch (e) {
    port.postMessage({type: "error", message: (e as Error).stack ?? String(e)} satisfies WorkerReply);
  }
});
