import {describe, expect, it} from "vitest";
import {formatProbability} from "../../src/components/format.ts";
import {passes, WARN_MISS_TARGET, WARN_OVER_CAP} from "../../src/components/views/warn.ts";

describe("warning rule", () => {
  it("marks a probability by what the table shows: two cells that both read 50% are both unmarked", () => {
    for (const p of [0.496, 0.5, 0.504]) {
      expect(formatProbability(p)).toBe("50%");
      expect(passes(p, WARN_MISS_TARGET)).toBe(false);
    }
    expect(formatProbability(0.506)).toBe("51%");
    expect(passes(0.506, WARN_MISS_TARGET)).toBe(true);
    expect(passes(0.104, WARN_OVER_CAP)).toBe(false);
    expect(passes(0.996, WARN_OVER_CAP)).toBe(true);
  });
});
