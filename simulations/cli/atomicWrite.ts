// Writes a file completely or not at all: a temporary file beside the target, then a rename (atomic on one
// file system), so a reader never sees half a table and a failed run leaves the old file as it was. Use it through
// writeOutputs (outputGuard.ts), which first refuses any target that is an input.
import {mkdirSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {basename, dirname, join} from "node:path";
import {randomBytes} from "node:crypto";

/**
 * @example
 * writeAtomic("out/agreed.csv", toCsv(rows));
 */
export function writeAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), {recursive: true});
  // Unique per call, not only per process: two writers in one process (or a test) never share a temporary file.
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    writeFileSync(temp, content, {flag: "wx"});
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, {force: true});
    throw e;
  }
}
