// Framework data loader: the simulation engine for the browser (src/lib/engine-browser.ts: everything but the
// scenario validator) as one ES module. Pages reach it through src/components/engine.ts, never directly.
import {bundleForBrowser} from "./bundle.ts";

process.stdout.write(await bundleForBrowser("src/lib/engine-browser.ts", "esm"));
