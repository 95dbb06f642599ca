import {describe, expect, it} from "vitest";
import {fitVacancySeries} from "../../simulations/model/vacancySeries.ts";

describe("vacancy series fit", () => {
  it("takes the mean of the last `window` years", () => {
    expect(fitVacancySeries([1000, 10, 20, 30], 3).mean).toBe(20);
  });
  it("is negative binomial with method-of-moments size when overdispersed", () => {
    const fit = fitVacancySeries([80, 120, 90, 110], 4); // mean 100, sample variance 333.3
    expect(fit.mean).toBe(100);
    expect(fit.size).toBeCloseTo(10000 / (1000 / 3 - 100), 9);
  });
  it("is Poisson when the series varies less than Poisson, or has one year", () => {
    expect(fitVacancySeries([70, 71, 69], 5).size).toBeNull();
    expect(fitVacancySeries([70], 5)).toEqual({mean: 70, size: null});
    expect(() => fitVacancySeries([], 5)).toThrow(/empty/);
  });
});
