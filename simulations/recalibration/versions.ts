// Versioned calibration files in simulations/calibrations/: calibration-<year>-<n>.json with a report
// calibration-<year>-<n>.md. A version is never overwritten: a correction makes the next number.
import {linkSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import type {Calibration} from "../model/calibration.ts";
import {parseCalibration} from "./calibration-schema.ts";

/** A calibration file on disk. */
export interface CalibrationFile {
  readonly year: number;
  readonly sequence: number;
  /** "2025-1" */
  readonly version: string;
  readonly path: string;
}

const NAME = /^calibration-(\d{4})-(\d+)\.(json|md)$/;

/**
 * The calibration files in `dir`, oldest first (by realised year, then sequence number). A missing folder has none.
 *
 * @example
 * listCalibrations("simulations/calibrations").at(-1)?.version; // "2025-2"
 */
export function listCalibrations(dir: string): CalibrationFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const files: CalibrationFile[] = [];
  for (const name of names) {
    const m = NAME.exec(name);
    if (!m || m[3] !== "json") continue;
    const year = Number(m[1]);
    const sequence = Number(m[2]);
    files.push({year, sequence, version: `${year}-${sequence}`, path: join(dir, name)});
  }
  return files.sort((a, b) => a.year - b.year || a.sequence - b.sequence);
}

/**
 * The next free version for a realised year: one more than any calibration-<year>-<n>.json or .md in `dir`.
 *
 * @example
 * nextVersion("simulations/calibrations", 2025); // "2025-1" in an empty folder
 */
export function nextVersion(dir: string, year: number): string {
  let max = 0;
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    // no folder yet: the first version
  }
  for (const name of names) {
    const m = NAME.exec(name);
    if (m && Number(m[1]) === year) max = Math.max(max, Number(m[2]));
  }
  return `${year}-${max + 1}`;
}

/**
 * Reads and validates one calibration file.
 *
 * @example
 * readCalibration("simulations/calibrations/calibration-2025-1.json").startYear; // 2026
 */
export function readCalibration(path: string): Calibration {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    // Never quote the file's content: only say what is wrong with it.
    throw new Error(`${path} is geen geldige herijking: ${error instanceof SyntaxError ? "geen geldige JSON" : "niet leesbaar"}`);
  }
  return parseCalibration(value, path);
}

/**
 * The latest calibration in `dir` (highest realised year, then highest sequence), or undefined when there is none.
 *
 * @example
 * latestCalibration("simulations/calibrations")?.calibration.version;
 */
export function latestCalibration(dir: string): {file: CalibrationFile; calibration: Calibration} | undefined {
  const file = listCalibrations(dir).at(-1);
  return file && {file, calibration: readCalibration(file.path)};
}

/**
 * Writes new files atomically and never over an existing file: each is written to a temporary name and then
 * hard-linked to its final name, which fails if that name exists. Either all files appear or none does.
 *
 * @example
 * writeNewFiles([{path: "out/calibration-2025-1.json", content: "{}"}]);
 */
export function writeNewFiles(files: readonly {path: string; content: string}[]): void {
  const temps = files.map((f, i) => `${f.path}.tmp-${process.pid}-${Date.now()}-${i}`);
  const linked: string[] = [];
  for (const f of files) mkdirSync(dirname(f.path), {recursive: true});
  try {
    files.forEach((f, i) => writeFileSync(temps[i]!, f.content, {flag: "wx"}));
    files.forEach((f, i) => {
      try {
        linkSync(temps[i]!, f.path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST") {
          throw new Error(`${f.path} already exists; a calibration version is never overwritten`);
        }
        throw error;
      }
      linked.push(f.path);
    });
  } catch (error) {
    for (const path of linked) unlinkSync(path);
    throw error;
  } finally {
    for (const t of temps) {
      try {
        unlinkSync(t);
      } catch {
        // not created
      }
    }
  }
}
