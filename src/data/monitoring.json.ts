// Observable Framework data loader: the realised figures of data/monitoring/ — current values and the full
// correction trail — as JSON on stdout. On bad data: every problem on stderr, nothing on stdout, exit code 1.
// FAIRSHARE_DATA_DIR points it at another data folder (tests use a broken copy).
import {readdirSync, readFileSync} from "node:fs";
import {join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import {loadDatasets} from "../../loaders/datasets.ts";
import {DatasetError} from "../../loaders/errors.ts";
import {loadMonitoring, monitoringOptions} from "../../loaders/monitoring.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dataDir = process.env.FAIRSHARE_DATA_DIR ?? `${root}/data`;

try {
  const datasets = loadDatasets(dataDir);
  const monitoring = loadMonitoring(`${dataDir}/monitoring`, monitoringOptions(datasets));
  // Paths relative to the project, so the page names the file a reader would open.
  const where = <T extends {file: string}>(r: T): T => ({...r, file: relative(root, r.file)});
  const json = JSON.stringify({
    municipalities: datasets.municipalities.filter((m) => m.inAgreement).map((m) => ({code: m.code, name: m.name})),
    groups: datasets.groups.map((g) => ({id: g.id, name: g.name})),
    years: monitoring.years,
    statuses: [...new Set(monitoring.current.map((r) => r.status))].sort(),
    current: monitoring.current.map(where),
    trail: monitoring.trail.map(where),
    // The files as they are, so the entry form can offer a year's file with corrections appended (never rewritten).
    files: readdirSync(`${dataDir}/monitoring`).filter((n) => /^\d{4}\.csv$/.test(n)).sort().map((name) => ({
      name,
      text: readFileSync(join(dataDir, "monitoring", name), "utf8")
    }))
  });
  process.stdout.write(json);
} catch (error) {
  process.stderr.write(`${error instanceof DatasetError ? error.message : String((error as Error)?.stack ?? error)}\n`);
  process.exitCode = 1;
}
