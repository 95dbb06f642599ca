// Framework data loader: the entry form's logic (monitoring-entry.ts, with the loader's schema and cross-row rules
// it imports from loaders/) as one ES module for the browser. Pages cannot import files outside src/, so the
// Monitoring page loads this by URL; the form then validates with the very code `npm run recalibrate` reads with.
import {bundleForBrowser} from "../../lib/bundle.ts";

process.stdout.write(await bundleForBrowser("src/components/views/monitoring-entry.ts", "esm"));
