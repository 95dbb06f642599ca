// Framework data loader: the Web Worker that runs the engine off the main thread, so inputs stay responsive.
// A classic (IIFE) script, so it also starts in browsers without module workers.
import {bundleForBrowser} from "./bundle.ts";

process.stdout.write(await bundleForBrowser("src/lib/worker-entry.ts", "iife"));
