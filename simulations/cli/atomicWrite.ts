// Writes a file completely or not at all: a temporary file beside the target, then a rename (atomic on one
// file system), so a reader never sees half a table and a failed run leaves the old file as it was.
import {mkdirSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {basename, dirname, join} from "node:path";

/**
 * @example
 * writeAtomic("out/agreed.csv", toCsv(rows));
 */
export function writeAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), {recursive: true});
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, {force: true});
    throw e;
  }
}
