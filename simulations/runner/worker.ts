// A pool worker: simulates the run ranges it is given and sends back the merged summaries once, at the end.
// Merging is exact (integer counts), so which worker ran which range does not change any number.
import {parentPort, workerData} from "node:worker_threads";
import {mergeJobSummaries, simulateSummaries, type JobSummaries, type Prepared} from "./chunked.ts";

export interface WorkerData {
  readonly a: Prepared;
  readonly b?: Prepared | undefined;
  readonly seed: number;
  readonly chunkSize: number;
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
      port.postMessage({type: "done", summaries: merged} satisfies WorkerReply);
      return;
    }
    let reported = 0;
    const part = simulateSummaries({a: data.a, b: data.b, runs: request.runs, seed: data.seed, firstRun: request.firstRun, chunkSize: data.chunkSize}, (done) => {
      port.postMessage({type: "progress", runs: done - reported} satisfies WorkerReply);
      reported = done;
    });
    merged = merged ? mergeJobSummaries([merged, part]) : part;
    port.postMessage({type: "idle"} satisfies WorkerReply);
  } catch (e) {
    port.postMessage({type: "error", message: (e as Error).stack ?? String(e)} satisfies WorkerReply);
  }
});
