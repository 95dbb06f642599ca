// Framework data loader: which data and which engine a build shows, for printouts ("gegevens 3f2a9c1b, rekenmodel
// 0.1.0+8d0e4a77"). A short SHA-256 of the files in data/ and of the engine's source, so two printouts with the
// same codes came from the same numbers.
import {createHash} from "node:crypto";
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import {fileURLToPath} from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dataDir = process.env.FAIRSHARE_DATA_DIR ?? join(root, "data");

/** A short hash of every file under `dir` whose name matches, by relative path and content (sorted, so stable). */
function digest(dir: string, pattern: RegExp): string {
  const hash = createHash("sha256");
  const visit = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) visit(path);
      else if (pattern.test(entry)) hash.update(relative(dir, path)).update("\0").update(readFileSync(path)).update("\0");
    }
  };
  visit(dir);
  return hash.digest("hex").slice(0, 8);
}

const {version} = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {version: string};
process.stdout.write(JSON.stringify({data: digest(dataDir, /\.(csv|json)$/), engine: `${version}+${digest(join(root, "simulations"), /\.(ts|json)$/)}`}));
