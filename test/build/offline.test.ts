// The built site may reference no third-party host, and the static server must not serve files outside its root.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, expect, test} from "vitest";
import {findThirdPartyReferences} from "../../scripts/build.ts";
import {resolveStaticPath} from "../../scripts/serve.ts";

const work = mkdtempSync(join(tmpdir(), "fairshare-offline-"));
afterAll(() => rmSync(work, {recursive: true, force: true}));

test("findThirdPartyReferences names the file that links Google Fonts", () => {
  mkdirSync(join(work, "site", "_observablehq"), {recursive: true});
  writeFileSync(join(work, "site", "index.html"), "<!doctype html><p>fairshare</p>");
  writeFileSync(
    join(work, "site", "_observablehq", "theme.css"),
    '@import url("https://fonts.googleapis.com/css2?family=Source+Serif+4");'
  );
  expect(findThirdPartyReferences(join(work, "site"))).toEqual([
    {file: join(work, "site", "_observablehq", "theme.css"), host: "fonts.googleapis.com"}
  ]);
});

test("resolveStaticPath maps clean URLs to .html files and refuses paths outside the root", () => {
  const root = join(work, "served");
  mkdirSync(join(root, "gemeente"), {recursive: true});
  writeFileSync(join(root, "index.html"), "home");
  writeFileSync(join(root, "vergelijken.html"), "compare");
  writeFileSync(join(root, "gemeente", "baarn.html"), "baarn");
  writeFileSync(join(work, "secret.txt"), "secret");
  expect(resolveStaticPath(root, "/")).toBe(join(root, "index.html"));
  expect(resolveStaticPath(root, "/vergelijken")).toBe(join(root, "vergelijken.html"));
  expect(resolveStaticPath(root, "/gemeente/baarn?x=1")).toBe(join(root, "gemeente", "baarn.html"));
  expect(resolveStaticPath(root, "/../secret.txt")).toBeUndefined();
  expect(resolveStaticPath(root, "/%2e%2e/secret.txt")).toBeUndefined();
  expect(resolveStaticPath(root, "/bestaat-niet")).toBeUndefined();
});
