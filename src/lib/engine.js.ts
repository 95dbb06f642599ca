// Framework data loader: the simulation engine (simulations/index.ts) as one ES module for the browser.
// Pages reach it through src/components/engine.ts, never directly.
import {bundleForBrowser} from "./bundle.ts";

process.stdout.write(await bundleForBrowser("simulations/index.ts", "esm"));
