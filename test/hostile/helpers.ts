// Shared helpers of the hostile-input suite: temporary folders, a data file with one cell changed, the command
// lines run in-process with their output captured, and a snapshot to prove that nothing was written.
import {cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {parse} from "csv-parse/sync";
import type {CliIo} from "../../simulations/cli/command.ts";
import {main as simulate} from "../../simulations/cli/simulate.ts";
import {main as recalibrate} from "../../simulations/cli/recalibrate.ts";

export const tmp = (prefix = "fairshare-hostile-"): string => mkdtempSync(join(tmpdir(), prefix));

/** A copy of data/ in a fresh temporary folder. */
export function copyData(): string {
  const dir = join(tmp(), "data");
  cpSync("data", dir, {recursive: true});
  return dir;
}

const quote = (c: string): string => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

/**
 * The text of data file `file` with the cell in `column` on spreadsheet line `line` replaced by `value` (written
 * raw, so a value may carry its own quotes or separators).
 */
export function withCell(file: string, line: number, column: string, value: string): string {
  const rows = parse(readFileSync(join("data", file), "utf8"), {relax_column_count: true}) as string[][];
  const c = rows[0]!.indexOf(column);
  if (c < 0) throw new Error(`no column ${column} in ${file}`);
  return rows.map((r, i) => (i === line - 1 ? r.map((x, k) => (k === c ? value : quote(x))) : r.map(quote)).join(",")).join("\n") + "\n";
}

/** Every file below `dir` with its size and modification time: equal before and after means nothing was written. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else out[p] = `${s.size}:${s.mtimeMs}:${readFileSync(p).subarray(0, 64).toString("hex")}`;
    }
  };
  walk(dir);
  return out;
}

export interface Captured {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function capture(run: (argv: readonly string[], io: CliIo) => Promise<number>, argv: readonly string[]): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, {out: (t) => void out.push(t), err: (t) => void err.push(t)});
  return {code, out: out.join("\n"), err: err.join("\n")};
}

/** `npm run simulate -- …`, in-process. */
export const runSimulate = (argv: readonly string[]): Promise<Captured> => capture(simulate, argv);
/** `npm run recalibrate -- …`, in-process. */
export const runRecalibrate = (argv: readonly string[]): Promise<Captured> => capture(recalibrate, argv);

export {writeFileSync};
