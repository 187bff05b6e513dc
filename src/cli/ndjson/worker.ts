// The NDJSON worker: checks the runs of lines the pool sends, in the order they come, with the settings it
// was started with. Built as dist/ndjson-worker.js (tsup.config.ts); run from source under tsx.
import { parentPort, workerData } from "node:worker_threads";
import { checkLines, type LineSettings } from "./check-lines.js";
import { READY, type Job, type JobDone, type WorkerMessage } from "./job.js";

const settings = workerData as LineSettings;
const encoder = new TextEncoder();
const port = parentPort;

port?.on("message", (job: Job) => {
  const outcome = checkLines(job.bytes, job.firstLine, job.file, settings);
  // Encoded here, not on the main thread, and handed back without a copy.
  const data = encoder.encode(outcome.text);
  const done: JobDone = { id: job.id, bytes: job.bytes, data, valid: outcome.valid, invalid: outcome.invalid };
  port.postMessage(done satisfies WorkerMessage, [data.buffer, job.bytes.buffer]);
});
port?.postMessage(READY satisfies WorkerMessage);
