// Hostile scenario JSON: values out of range, wrong types, paths in `extends`, files that are not JSON or not
// UTF-8. Each is refused with the file and the JSON path in Dutch, without quoting the file, or read right.
import {describe, expect, it} from "vitest";
import {mkdirSync, symlinkSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {parseScenario, ScenarioError} from "../../simulations/index.ts";
import {loadScenario} from "../../simulations/scenario/files.ts";
import {tmp} from "./helpers.ts";

const base = {id: "x", name: "X", description: "", ramp: [{from: 2025, to: 2030, region: 227}]};

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
  throw new Error("expected a ScenarioError");
}

// [case, changes to a valid scenario, the message (file, path, what) or undefined: accepted]
const FIELDS: readonly [string, Record<string, unknown>, RegExp | undefined][] = [
  ["region of 2^31 (was −2147483648)", {ramp: [{from: 2025, to: 2030, region: 2147483648}]}, /veld \$\.ramp\[0\]\.region: hoogstens 100\.000; gevonden 2\.147\.483\.648/],
  ["region one above the bound", {ramp: [{from: 2025, to: 2030, region: 100001}]}, /\$\.ramp\[0\]\.region: hoogstens 100\.000/],
  ["region at the bound", {ramp: [{from: 2025, to: 2030, region: 100000}]}, undefined],
  ["amersfoort above the bound", {ramp: [{from: 2025, to: 2030, amersfoort: 1e6, others: 1}]}, /\$\.ramp\[0\]\.amersfoort: hoogstens 100\.000/],
  ["others negative", {ramp: [{from: 2025, to: 2030, amersfoort: 1, others: -1}]}, /\$\.ramp\[0\]\.others: minstens 0; gevonden -1/],
  ["region a fraction", {ramp: [{from: 2025, to: 2030, region: 1.5}]}, /\$\.ramp\[0\]\.region: verwacht een geheel getal; gevonden 1,5/],
  ["region 1e308", {ramp: [{from: 2025, to: 2030, region: 1e308}]}, /\$\.ramp\[0\]\.region: /],
  ["region as text", {ramp: [{from: 2025, to: 2030, region: "227"}]}, /\$\.ramp\[0\]\.region: verwacht een getal; gevonden een tekst/],
  ["region null", {ramp: [{from: 2025, to: 2030, region: null}]}, /\$\.ramp\[0\]\.region: verwacht een getal; gevonden null/],
  ["from 1999", {ramp: [{from: 1999, to: 2030, region: 1}]}, /\$\.ramp\[0\]\.from: minstens 2000/],
  ["to 2101", {ramp: [{from: 2025, to: 2101, region: 1}]}, /\$\.ramp\[0\]\.to: hoogstens 2100/],
  ["to before from", {ramp: [{from: 2030, to: 2025, region: 1}]}, /\$\.ramp\[0\]\.to: "to" moet minstens "from" \(2030\) zijn/],
  ["an empty ramp", {ramp: []}, /\$\.ramp: minstens 1 element/],
  ["101 ramp periods", {ramp: Array.from({length: 101}, (_, i) => ({from: 2000 + i, to: 2000 + i, region: 1}))}, /\$\.ramp: hoogstens 100 elementen/],
  ["a ramp that is an object", {ramp: {from: 2025}}, /\$\.ramp: verwacht een lijst/],
  ["key weight above 1000", {key: {inhabitants: 1001}}, /\$\.key\.inhabitants: hoogstens 1000/],
  ["key weight at 1000", {key: {inhabitants: 1000}}, undefined],
  ["key weight negative", {key: {households: -1}}, /\$\.key\.households: minstens 0/],
  ["key weights all zero", {key: {inhabitants: 0, vacancies: 0}}, /\$\.key: minstens één gewicht/],
  ["key weight as text", {key: {socialStock: "1"}}, /\$\.key\.socialStock: verwacht een getal/],
  ["key with an unknown weight", {key: {people: 1}}, /\$\.key\.people: onbekend veld/],
  ["cap 0", {cap: 0}, /\$\.cap: groter dan 0/],
  ["cap above 1", {cap: 1.01}, /\$\.cap: hoogstens 1/],
  ["cap 1", {cap: 1}, undefined],
  ["cap as a percentage text", {cap: "18%"}, /\$\.cap: verwacht een getal/],
  ["inflowDispersion above 0,5", {inflowDispersion: 0.6}, /\$\.inflowDispersion: hoogstens 0,5; gevonden 0,6/],
  ["inflowDispersion negative", {inflowDispersion: -0.1}, /\$\.inflowDispersion: minstens 0/],
  ["inflowDispersion at 0,5", {inflowDispersion: 0.5}, undefined],
  ["inflowDispersion a hair above 0,5 is named exactly", {inflowDispersion: 0.5000000000000001}, /hoogstens 0,5; gevonden 0,5000000000000001/],
  ["vacancyWindow 0", {vacancyWindow: 0}, /\$\.vacancyWindow: minstens 1/],
  ["vacancyWindow 21", {vacancyWindow: 21}, /\$\.vacancyWindow: hoogstens 20/],
  ["vacancyWindow 2.5", {vacancyWindow: 2.5}, /\$\.vacancyWindow: verwacht een geheel getal/],
  ["prognosis unknown", {prognosis: "medium"}, /\$\.prognosis: een van "low", "central", "high"/],
  ["vacancyDispersion unknown", {vacancyDispersion: "normal"}, /\$\.vacancyDispersion: een van "series", "poisson"/],
  ["spillOver as text", {spillOver: "yes"}, /\$\.spillOver: verwacht true of false/],
  ["stochastic as 1", {stochastic: 1}, /\$\.stochastic: verwacht true of false/],
  ["id with capitals", {id: "Mine"}, /\$\.id: een id van kleine letters/],
  ["id of 65 characters", {id: "a".repeat(65)}, /\$\.id: hoogstens 64 tekens/],
  ["an empty name", {name: ""}, /\$\.name: een tekst die niet leeg is/],
  ["a name of 201 characters", {name: "n".repeat(201)}, /\$\.name: hoogstens 200 tekens/],
  ["an unknown field", {colour: "red"}, /\$\.colour: onbekend veld/],
  ["a __proto__ field", JSON.parse('{"__proto__": {"polluted": 1}}'), /\$\.__proto__: onbekend veld/],
  ["name missing", {name: undefined}, /\$\.name: verwacht een tekst; gevonden niets \(het veld ontbreekt\)/]
];

describe("hostile scenario fields", () => {
  it.each(FIELDS)("%s", (_name, change, want) => {
    const json = {...base, ...change};
    if (want === undefined) expect(parseScenario(json, "s.json").id).toBe(json.id);
    else {
      const message = refusal(() => parseScenario(json, "s.json"));
      expect(message).toMatch(/^s\.json, veld /);
      expect(message).toMatch(want);
      expect(message).not.toMatch(/expected|Invalid|received/);
    }
  });

  it("never more than 50 problems, then 'en N meer'", () => {
    const ramp = Array.from({length: 80}, (_, i) => ({from: 2025, to: 2030, region: -1 - i}));
    const message = refusal(() => parseScenario({...base, ramp}, "s.json"));
    expect(message.split("\n")).toHaveLength(51);
    expect(message.split("\n").at(-1)).toMatch(/^en \d+ meer$/);
  });

  it("not an object at all", () => {
    expect(refusal(() => parseScenario([1, 2], "s.json"))).toMatch(/^s\.json: verwacht een object/);
    expect(refusal(() => parseScenario("text", "s.json"))).toMatch(/^s\.json: verwacht een object/);
  });
});

/** A folder with a scenario file and its neighbours. */
function folder(files: Record<string, string | Buffer>): string {
  const dir = tmp();
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
const child = (extend: string) => JSON.stringify({extends: extend, id: "mine"});
const SECRET = "root:x:0:0:root:/root:/bin/bash";

// [case, files in the folder, the file given, refused with]
const FILES: readonly [string, Record<string, string | Buffer>, string, RegExp][] = [
  ["extends with ../ (loaded any .json on the machine)", {"mine.json": child("../../../../some/folder/evil")}, "mine.json", /veld \$\.extends: verwacht het id van een scenario .*geen pad/],
  ["extends with an absolute path", {"mine.json": child("/etc/passwd")}, "mine.json", /\$\.extends: .*geen pad/],
  ["extends with a Windows path", {"mine.json": child("..\\..\\evil")}, "mine.json", /\$\.extends: .*geen pad/],
  ["extends with .json", {"mine.json": child("agreed.json")}, "mine.json", /\$\.extends: .*geen pad/],
  ["extends a number", {"mine.json": JSON.stringify({extends: 5, id: "mine"})}, "mine.json", /\$\.extends: verwacht het id van een scenario \(een tekst\)/],
  ["extends an unknown id", {"mine.json": child("nothing-here")}, "mine.json", /\$\.extends: .*"nothing-here" is niet gevonden/],
  ["extends a non-JSON file beside it", {"mine.json": child("base"), "base.json": SECRET}, "mine.json", /base\.json: geen geldige JSON \(regel 1, kolom 1\)/],
  ["extends itself", {"mine.json": child("mine")}, "mine.json", /kringverwijzing in extends: mine → mine/],
  ["extends a cycle of two", {"mine.json": child("b"), "b.json": JSON.stringify({extends: "mine", id: "b"})}, "mine.json", /kringverwijzing in extends: mine → b → mine/],
  ["a scenario that is not JSON", {"mine.json": SECRET}, "mine.json", /mine\.json: geen geldige JSON \(regel 1, kolom 1\)/],
  ["a syntax error on line 3", {"mine.json": '{\n "id": "mine",\n "name": }'}, "mine.json", /geen geldige JSON \(regel 3, kolom 10\)/],
  ["an empty file", {"mine.json": ""}, "mine.json", /geen geldige JSON/],
  ["UTF-16 LE with BOM", {"mine.json": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(child("agreed"), "utf16le")])}, "mine.json", /verwacht UTF-8-tekst; dit bestand is UTF-16-tekst \(met byte order mark/],
  ["UTF-16 LE without BOM", {"mine.json": Buffer.from(child("agreed"), "utf16le")}, "mine.json", /UTF-16-tekst \(zonder byte order mark/],
  ["invalid UTF-8 (Latin-1)", {"mine.json": Buffer.from(JSON.stringify({extends: "agreed", id: "mine", name: "Één"}), "latin1")}, "mine.json", /andere codering dan UTF-8/],
  ["a file that is not .json", {"mine.txt": child("agreed")}, "mine.txt", /een scenario is een \.json-bestand/],
  ["a folder named .json", {}, "folder.json", /geen gewoon bestand/],
  ["a missing file", {}, "missing.json", /bestand niet gevonden/],
  ["a file over 1 MB", {"mine.json": " ".repeat(1_000_001) + "{}"}, "mine.json", /te groot voor een scenario/]
];

describe("hostile scenario files", () => {
  it.each(FILES)("%s", (_name, files, given, want) => {
    const dir = folder(files);
    if (given === "folder.json") mkdirSync(join(dir, given));
    const message = refusal(() => loadScenario(join(dir, given)));
    expect(message).toMatch(want);
    expect(message).not.toContain("root:x");
    expect(message).not.toMatch(/Unexpected token|is not valid JSON/);
  });

  it("--scenario /etc/passwd is refused by its extension, unread and unquoted", () => {
    const message = refusal(() => loadScenario("/etc/passwd"));
    expect(message).toMatch(/een scenario is een \.json-bestand/);
    expect(message).not.toContain("root");
  });

  it("a base beside the scenario that is a symlink out of its folder is refused", () => {
    const outside = folder({"evil.json": JSON.stringify({...base, id: "evil"})});
    const dir = folder({"mine.json": child("base")});
    symlinkSync(join(outside, "evil.json"), join(dir, "base.json"));
    expect(refusal(() => loadScenario(join(dir, "mine.json")))).toMatch(/base\.json: verwijst \(via een symbolische link\) naar een bestand buiten de map/);
  });

  it("a UTF-8 BOM is accepted, and extends finds a file beside the scenario, then the defaults", () => {
    const dir = folder({
      "mine.json": "\uFEFF" + JSON.stringify({extends: "middle", id: "mine", cap: 0.15}),
      "middle.json": JSON.stringify({extends: "agreed", id: "middle", prognosis: "high"})
    });
    expect(loadScenario(join(dir, "mine.json"))).toMatchObject({id: "mine", cap: 0.15, prognosis: "high", ramp: [{fixed: {GM0307: 135}}, {fixed: {GM0307: 108}}]});
  });

  it("an id that is not a default scenario and not a path", () => {
    expect(refusal(() => loadScenario("Agreed"))).toMatch(/--scenario: geen bestaand scenario-id en geen \.json-bestand/);
    expect(refusal(() => loadScenario("no-such"))).toMatch(/no-such: geen scenario met dit id/);
  });
});
