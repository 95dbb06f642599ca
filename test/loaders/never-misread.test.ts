// Property: whatever text lands in a number cell, the loader either reads exactly the number written there in the
// agreed dialect, or reports that cell (file, line, column, value). It never reads "1,5" as 15 or 1.
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {loadDatasets} from "../../loaders/datasets.ts";
import {copyData, editLine, issuesOf, lineOf} from "./helpers.ts";

const quote = (s: string): string => `"${s.replaceAll('"', '""')}"`;

/** Text that looks like numbers a person or a spreadsheet might type, plus arbitrary strings. */
const numberish = fc.oneof(
  fc.stringMatching(/^-?[0-9]{1,5}([.,][0-9]{1,3})?%?$/),
  fc.stringMatching(/^ ?[0-9]{1,3}([ .,][0-9]{3})? ?$/),
  fc.constantFrom("1,5", "0,8", "1.500", "1e2", "0x10", "", " ", "NaN", "Infinity", "+3", "٣", "1_000", ".5", "1."),
  fc.string({maxLength: 6})
);

describe("a number cell is read exactly or reported", () => {
  it("counts (vacancies)", () => {
    const dir = copyData();
    const vLine = lineOf(dir, "vacancies.csv", "GM0317,2023");
    fc.assert(
      fc.property(numberish, (s) => {
        editLine(dir, "vacancies.csv", vLine, () => `GM0317,2023,${quote(s)},estimate,test,test`);
        const t = s.trim();
        if (/^[0-9]+$/.test(t)) {
          const v = loadDatasets(dir).vacancies.find((r) => r.municipality === "GM0317" && r.year === 2023);
          expect(v?.vacancies).toBe(Number(t));
        } else {
          const issues = issuesOf(dir);
          expect(issues).toHaveLength(1);
          expect(issues[0]).toMatchObject({line: vLine, column: "vacancies", value: t});
        }
      }),
      {numRuns: 60, seed: 20250701}
    );
  });

  it("shares (return_share)", () => {
    const dir = copyData();
    const gLine = lineOf(dir, "groups.csv", "jz,");
    fc.assert(
      fc.property(numberish, (s) => {
        editLine(dir, "groups.csv", gLine, () => `jz,Uitstroom jeugdzorg,${quote(s)},2024,estimate,test,test`);
        const t = s.trim();
        if (/^([0-9]+(\.[0-9]*)?|\.[0-9]+)$/.test(t) && Number(t) <= 1) {
          expect(loadDatasets(dir).groups.find((g) => g.id === "jz")?.returnShare.value).toBe(Number(t));
        } else {
          const issues = issuesOf(dir);
          expect(issues).toHaveLength(1);
          expect(issues[0]).toMatchObject({line: gLine, column: "return_share", value: t});
        }
      }),
      {numRuns: 60, seed: 20250701}
    );
  });
});
