// Launches Debian's Chromium through playwright-core (browser downloads do not work on this machine).
import {chromium, type Browser} from "playwright-core";

/** Chromium's path; CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags that keep Chromium headless and off the network by itself (no component updates, no background fetches). */
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-dev-shm-usage"
];

/**
 * A headless Chromium of its own (the tests share one through the global setup instead).
 *
 * @example
 * const browser = await launchChromium();
 * await browser.close();
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS]});
}

/**
 * Connects to the Chromium the global setup started.
 *
 * @example
 * const browser = await connectChromium(inject("wsEndpoint"));
 */
export function connectChromium(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}
