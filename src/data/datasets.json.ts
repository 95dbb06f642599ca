// Observable Framework data loader: the validated datasets as (packed) JSON on stdout. On bad data it writes every problem
// to stderr, nothing to stdout, and exits non-zero, so the build fails instead of showing half-checked figures.
// FAIRSHARE_DATA_DIR points it at another data folder (tests use a broken copy).
import {fileURLToPath} from "node:url";
import {loadDatasets} from "../../loaders/datasets.ts";
import {DatasetError} from "../../loaders/errors.ts";
import {packedJsonText} from "../components/packed-json.ts";

const dataDir = process.env.FAIRSHARE_DATA_DIR ?? fileURLToPath(new URL("../../data", import.meta.url));

try {
  // Packed (repeated source texts written once: about a quarter of the size; src/components/data.ts unpacks it).
  // Serialised before writing so that an error can never leave half a document on stdout.
  const json = packedJsonText(loadDatasets(dataDir));
  process.stdout.write(json);
} catch (error) {
  process.stderr.write(`${error instanceof DatasetError ? error.message : String((error as Error)?.stack ?? error)}\n`);
  process.exitCode = 1;
}
