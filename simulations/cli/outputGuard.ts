// Outputs never touch inputs: before a command line writes anything, every target is resolved (symlinks, "..",
// hard links) and refused when it lies in data/, in simulations/scenarios/, in a folder the command read from, or
// is a file the command read. All targets are checked before the first byte is written.
import {existsSync, realpathSync, statSync} from "node:fs";
import {basename, dirname, join, relative, resolve, sep} from "node:path";
import {fileURLToPath} from "node:url";
import {UsageError} from "./args.ts";
import {writeAtomic} from "./atomicWrite.ts";

/** The project's root folder (two levels above this file). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Folders of the project that hold inputs: a command line never writes into them, whatever its flags. */
export const PROJECT_INPUT_DIRS: readonly string[] = [join(PROJECT_ROOT, "data"), join(PROJECT_ROOT, "simulations", "scenarios")];

/** What a command read: folders (data, monitoring) and single files (scenario files and their `extends` chain). */
export interface ReadSet {
  readonly dirs: readonly string[];
  readonly files: readonly string[];
}

/** A file to write: the flag that named it (for the message), its path and its content. */
export interface OutputFile {
  readonly flag: string;
  readonly path: string;
  /** The flag's value as typed, when it is a folder and `path` a file in it (for the message). */
  readonly given?: string;
  readonly content: string;
}

// Case-insensitive file systems (macOS, Windows) would let DATA/ reach data/.
const fold = (p: string): string => (process.platform === "linux" ? p : p.toLowerCase());

/**
 * The real path of `path`, also when it does not exist yet: the deepest existing ancestor is resolved (symlinks
 * and all), the rest appended.
 *
 * @example
 * realTarget("out/new/agreed.csv"); // "<project>/out/new/agreed.csv" (absolute, links resolved)
 */
export function realTarget(path: string): string {
  let head = resolve(path);
  const tail: string[] = [];
  while (!existsSync(head)) {
    const up = dirname(head);
    if (up === head) break;
    tail.unshift(basename(head));
    head = up;
  }
  let real = head;
  try {
    real = realpathSync(head);
  } catch {
    // A dangling symlink or an unreadable folder: keep the resolved path; writing will fail with its own message.
  }
  return join(real, ...tail);
}

const inside = (path: string, dir: string): boolean => {
  const rel = relative(fold(dir), fold(path));
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
};

const shown = (path: string): string => {
  const rel = relative(process.cwd(), path);
  return rel !== "" && !rel.startsWith("..") ? rel : path;
};

function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * Throws a UsageError (naming the flag and the path) when `path` may not be written: inside a project input
 * folder or a folder the command read, or one of the files it read (also through a symlink or a hard link).
 *
 * @example
 * checkOutput("--out", "data/vacancies.csv", {dirs: [], files: []}); // throws: data/ is an input folder
 */
export function checkOutput(flag: string, path: string, read: ReadSet, given: string = path): void {
  const target = realTarget(path);
  const dirs = [...PROJECT_INPUT_DIRS, ...read.dirs].map(realTarget);
  const hit = dirs.find((d) => inside(target, d));
  const refuse = (why: string): never => {
    throw new UsageError(`${flag} "${given}" ${why}; er is niets geschreven. Kies een uitvoerpad buiten de invoer (bijvoorbeeld een map out/)`);
  };
  if (hit) refuse(`ligt in de invoermap ${shown(hit)}${sep}: uitvoer mag nooit in data/, simulations/scenarios/ of een gelezen map komen`);
  const file = read.files.find((f) => fold(realTarget(f)) === fold(target) || sameFile(f, target));
  if (file) refuse(`is een bestand dat deze opdracht leest (${shown(file)}): uitvoer overschrijft nooit invoer`);
}

/**
 * `checkOutput` for several targets: a command calls it before its run, so a bad path is refused at once.
 *
 * @example
 * checkOutputs([{flag: "--out", path: "out/a.csv"}], {dirs: ["data"], files: []});
 */
export function checkOutputs(targets: readonly {readonly flag: string; readonly path: string; readonly given?: string}[], read: ReadSet): void {
  for (const t of targets) checkOutput(t.flag, t.path, read, t.given ?? t.path);
}

/**
 * Checks every output first, then writes each atomically: an input is never touched, and a refusal writes nothing.
 *
 * @example
 * writeOutputs([{flag: "--out", path: "out/agreed.csv", content: csv}], {dirs: ["data"], files: ["my.json"]});
 */
export function writeOutputs(files: readonly OutputFile[], read: ReadSet): void {
  checkOutputs(files, read);
  for (const f of files) {
    try {
      writeAtomic(f.path, f.content);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? "onbekende oorzaak";
      throw new WriteError(`${f.flag} "${f.path}" kan niet worden geschreven (${code}); ${files.length > 1 ? "eerder geschreven bestanden van deze opdracht zijn wel compleet" : "er is niets geschreven"}`);
    }
  }
}

/** Writing an output failed on the file system (a folder in the way, no permission, disk full). Exit code 1. */
export class WriteError extends Error {
  override readonly name = "WriteError";
}
