import {describe, expect, it} from "vitest";
import {fitVacancySeries, fitVacancyTrend, MAX_TREND} from "../../simulations/model/vacancySeries.ts";

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

describe("vacancy trend fit", () => {
  const series = (values: number[]) => values.map((vacancies, i) => ({year: 2020 + i, vacancies}));
  it("carries a log-linear trend forward: level at the last year, growth per year", () => {
    const fit = fitVacancyTrend(series([100, 102, 104.04, 106.1208]), 5, true); // exactly +2% a year
    expect(fit.growth).toBeCloseTo(1.02, 9);
    expect(fit.level).toBeCloseTo(106.1208, 6);
    expect(fit.lastYear).toBe(2023);
    expect(fit.size).toBeNull(); // no spread around an exact trend
  });
  it("clamps the growth to ±3% a year", () => {
    expect(fitVacancyTrend(series([100, 90, 81, 72.9]), 5, true).growth).toBe(1 - MAX_TREND);
    expect(fitVacancyTrend(series([100, 110, 121]), 5, true).growth).toBe(1 + MAX_TREND);
  });
  it("without a trend (or fewer than three years) is the window's mean, as fitVacancySeries", () => {
    const values = [80, 120, 90, 110];
    expect(fitVacancyTrend(series(values), 4, false)).toEqual({level: 100, growth: 1, lastYear: 2023, size: fitVacancySeries(values, 4).size});
    expect(fitVacancyTrend(series([70, 71]), 5, true).growth).toBe(1);
  });
  it("measures the spread around the trend, not the trend itself", () => {
    // A steady +3% series: around its mean it looks overdispersed (the trend counts as spread), around the trend
    // it has none (Poisson).
    const steady = series([10000, 10300, 10609, 10927, 11255]);
    expect(fitVacancySeries(steady.map((r) => r.vacancies), 5).size).not.toBeNull();
    expect(fitVacancyTrend(steady, 5, true).size).toBeNull();
    // Noise around a trend: overdispersed.
    expect(fitVacancyTrend(series([100, 130, 85, 140, 95]), 5, true).size).not.toBeNull();
  });
});
