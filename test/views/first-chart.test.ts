// Work the first chart does not need (the worker pool, the tornado) waits for it: afterFirstChart settles once a
// figure's chart is in the document, and not before.
import {expect, test} from "vitest";
import {afterFirstChart} from "../../src/components/run.ts";
import {installDom} from "./helpers.ts";

test("afterFirstChart settles once a figure's chart is in the document, not before", async () => {
  const dom = installDom();
  Object.defineProperty(globalThis, "MutationObserver", {value: dom.window.MutationObserver, configurable: true, writable: true});
  let settled = false;
  const waiting = afterFirstChart().then(() => {
    settled = true;
  });
  // A figure whose chart is still being computed, and a chart outside a figure: neither is the first chart.
  const pending = document.createElement("figure");
  pending.className = "fs-figure";
  document.body.append(pending, document.createElementNS("http://www.w3.org/2000/svg", "svg"));
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(settled).toBe(false);
  pending.append(document.createElementNS("http://www.w3.org/2000/svg", "svg"));
  await waiting;
  expect(settled).toBe(true);
  // Later calls settle at once.
  await afterFirstChart();
});
