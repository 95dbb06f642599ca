// `npm start`: check the data, run the default scenarios into out/, build the notebook, serve it on 127.0.0.1.
// Each step stops the start with a clear message when it fails; nothing is served from a half-finished build.
import {spawn} from "node:child_process";
import {mkdirSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {loadDatasets} from "../loaders/datasets.ts";
import {buildSite, ROOT} from "./build.ts";
import {serveStatic} from "./serve.ts";

/** Runs and seed of the default scenario tables in out/ (the pages use the same). */
const DEFAULT_RUNS = 10_000;
const DEFAULT_SEED = 1;

const CLI = join(ROOT, "simulations", "cli", "simulate.ts");
const OUT = join(ROOT, "out");

function step(text: string): void {
  console.log(`\n▸ ${text}`);
}

/** Runs a command with the terminal attached; rejects with its exit code. */
function run(command: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd: ROOT, stdio: "inherit"});
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  step("Gegevens controleren (data/)");
  const datasets = loadDatasets(join(ROOT, "data"));
  const members = datasets.municipalities.filter((m) => m.inAgreement).length;
  console.log(`  ${members} gemeenten, ${datasets.vacancies.length} rijen vrijkomende woningen, ${datasets.prognosis.length} rijen prognose: in orde.`);

  step(`Standaardscenario's doorrekenen naar out/ (${DEFAULT_RUNS} runs, seed ${DEFAULT_SEED})`);
  // The command line writes <id>.csv per default scenario, probabilities.csv and compare.csv (each minus agreed).
  mkdirSync(OUT, {recursive: true});
  const tsx = join(ROOT, "node_modules", ".bin", "tsx");
  await run(tsx, [CLI, "--all", "--out-dir", OUT, "--runs", String(DEFAULT_RUNS), "--seed", String(DEFAULT_SEED)]);
  console.log(`  ${readdirSync(OUT).filter((f) => f.endsWith(".csv")).length} tabellen in out/`);

  step("Notebook bouwen (dist/)");
  const {elapsedMs} = await buildSite({output: join(ROOT, "dist")});
  console.log(`  gebouwd in ${(elapsedMs / 1000).toFixed(1)} s`);

  step("Notebook serveren");
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);
  const server = await serveStatic(join(ROOT, "dist"), port);
  console.log(`\n  fairshare draait op ${server.url}/\n  (stoppen met Ctrl+C)\n`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`\nnpm start is gestopt: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
