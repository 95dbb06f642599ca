// Launches Debian's Chromium through playwright-core (browser downloads do not work on this machine).
import {chromium, type Browser} from "playwright-core";

/** Chromium's path; CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * A headless Chromium that stays off the network by itself (no component updates, no background requests).
 *
 * @example
 * const browser = await launchChromium();
 * await browser.close();
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-dev-shm-usage"
    ]
  });
}
