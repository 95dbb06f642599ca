// Pages keep prose, inputs and `display`; their logic lives in typed views (src/components/views/), where tsc and
// the tests see it. This holds the pages to that: at most 250 lines of JavaScript in all pages together (the
// Monitoring page is another module's and not counted here).
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import {expect, test} from "vitest";
import {ROOT} from "../../scripts/build.ts";

/** Lines inside ```js blocks of a Markdown page (blank lines not counted). */
export function javascriptLines(markdown: string): number {
  let inside = false;
  let count = 0;
  for (const line of markdown.split("\n")) {
    if (/^```js\b/.test(line)) inside = true;
    else if (inside && /^```\s*$/.test(line)) inside = false;
    else if (inside && line.trim() !== "") count += 1;
  }
  return count;
}

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry.startsWith(".") ? [] : pages(path);
    return entry.endsWith(".md") ? [path] : [];
  });
}

test("the pages hold at most 250 lines of JavaScript together (monitoring aside)", () => {
  const src = join(ROOT, "src");
  const counts = Object.fromEntries(pages(src).map((p) => [relative(src, p), javascriptLines(readFileSync(p, "utf8"))]));
  const {"monitoring.md": _monitoring, ...mine} = counts;
  const total = Object.values(mine).reduce((a, b) => a + b, 0);
  expect(total, JSON.stringify(counts)).toBeLessThanOrEqual(250);
});

test("the counter counts only lines inside js blocks", () => {
  expect(javascriptLines("# x\n```js\nconst a = 1;\n\nconst b = 2;\n```\ntext\n```js\nx\n```\n")).toBe(3);
});
