// Regenerates scenario.schema.json from the zod schema: npx tsx simulations/scenario/generate-schema.ts
// (test/simulations/scenario.test.ts fails while the committed file differs from what this writes).
import {writeFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {scenarioJsonSchema} from "./schema.ts";

const path = fileURLToPath(new URL("./scenario.schema.json", import.meta.url));
writeFileSync(path, JSON.stringify(scenarioJsonSchema(), null, 2) + "\n");
console.error(`written: ${path}`);
