import {describe, expect, it} from "vitest";
import {example} from "../../simulations/examples/basic.ts";

describe("the README's API example", () => {
  it("runs on the real data and gives the three tables", () => {
    const {summary, risks, differences} = example(300, 1);
    expect(summary).toHaveLength(6 * 9 * 14);
    expect(risks).toHaveLength(6 * 9);
    expect(differences[0]!.scenario).toBe("immediate-agreed");
    const regio = summary.find((r) => r.year === 2025 && r.municipality === "regio" && r.metric === "target")!;
    expect(regio.mean).toBe(227);
  });
});
