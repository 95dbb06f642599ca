// The command line as a user runs it (`npm run simulate`, a separate process), for tests that compare a page with it.
import {execFile} from "node:child_process";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {promisify} from "node:util";
import {ROOT} from "../../scripts/build.ts";

/** Runs `npm run simulate -- <args> --out <file in dir>` and returns the CSV it wrote. */
export async function simulateCsv(dir: string, ...args: string[]): Promise<string> {
  const out = join(dir, `cli-${args.join("-").replace(/[^a-z0-9-]/gi, "").slice(-80)}.csv`);
  await promisify(execFile)(join(ROOT, "node_modules", ".bin", "tsx"), [join(ROOT, "simulations", "cli", "simulate.ts"), ...args, "--out", out], {cwd: ROOT});
  return readFileSync(out, "utf8");
}
