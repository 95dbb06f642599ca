// Recalibration: from the realised years, learn the yearly vacancies and the yearly inflow per municipality with
// partial pooling across the municipalities (pooled.ts), the return shares per group (return-shares.ts), and start
// the forecast from the realised backlog. See README.md in this folder.
import {join} from "node:path";
import type {Datasets, PrognosisRecord} from "../../loaders/types.ts";
import {DatasetError, type Issue} from "../../loaders/errors.ts";
import {realised, type MonitoringData, type MonitoringStatus} from "../../loaders/monitoring.ts";
import {LAST_YEAR} from "../agreement.ts";
import type {Calibration, GammaBelief, MunicipalityCalibration} from "../model/calibration.ts";
import {gammaMean} from "./gamma-poisson.ts";
import {beliefFromMoments, fitPooled, mixMoments, predictiveMoments, VACANCY_SETTINGS, type PooledFit, type PooledSettings, type Unit} from "./pooled.ts";
import {returnShares, type ReturnShareTrace} from "./return-shares.ts";
import {usedRows} from "./used-rows.ts";

/** The model label written into each calibration. */
export const MODEL = "pooled";

/** The standard normal's 95th percentile: the prognosis's low-high range is read as a 90% interval. */
const Z95 = 1.6448536269514722;

/** Inflow: no trend of its own (the prognosis's path is the exposure), municipalities' ratios differ ≥ 10%. */
export const INFLOW_SETTINGS: Omit<PooledSettings, "regionalPrior"> = {trend: false, trendPriorSd: 0, dispersionPriorYears: 4, defaultDispersion: 1, minHeterogeneityCv: 0.1};

/** A prior with the numbers it was made from, for the report and the page. */
export interface Prior {
  /** The engine belief before the realised years (from the vacancy series, or the prognosis). */
  readonly belief: GammaBelief;
  /** Its mean: the expected yearly count before the realised years. */
  readonly mean: number;
  /** Strength of the shared (regional) prior in this municipality's posterior, in pseudo-years. */
  readonly strength: number;
}

/** One belief's path: the prior, the realised counts it learned from, and the posterior. */
export interface BeliefTrace {
  readonly prior: Prior;
  readonly observed: readonly {year: number; value: number}[];
  readonly posterior: GammaBelief;
  /** The multiplicative overdispersion φ used for this municipality (1 = Poisson). */
  readonly dispersion: number;
}

/** What the recalibration did for one municipality (for the report and the page). */
export interface MunicipalityTrace {
  readonly code: string;
  readonly name: string;
  readonly vacancies: BeliefTrace;
  readonly inflow: BeliefTrace;
  readonly backlog: number;
}

export interface Recalibration {
  readonly calibration: Calibration;
  readonly municipalities: readonly MunicipalityTrace[];
  /** Pooled dispersion index of the vacancies (series and realised years). */
  readonly dispersion: number;
  /** The regional trend of the vacancies: posterior mean and sd of the log growth per year. */
  readonly trend: {readonly mean: number; readonly sd: number};
  readonly vacancyFit: PooledFit;
  readonly inflowFit: PooledFit;
  readonly returnShares: readonly ReturnShareTrace[];
  /** The statuses of the realised figures used; `example` means the calibration rests on invented figures. */
  readonly statuses: readonly MonitoringStatus[];
}

export interface RecalibrationOptions {
  /** The last realised year to learn from; the forecast starts the year after. */
  readonly year: number;
  /** Version label, e.g. "2025-1". */
  readonly version: string;
  /** ISO date of creation. */
  readonly createdAt: string;
  /** Folder of the monitoring files, only to name the file in an error message. */
  readonly monitoringDir?: string;
}

/** The yearly prognosis total per origin and variant, by year. */
function prognosisTotals(records: readonly PrognosisRecord[]): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const r of records) {
    const k = `${r.origin}|${r.variant}`;
    const byYear = out.get(k) ?? new Map<number, number>();
    byYear.set(r.year, (byYear.get(r.year) ?? 0) + r.placements);
    out.set(k, byYear);
  }
  return out;
}

const average = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * The inflow model's settings: the regional ratio realised / prognosed has a Gamma hyperprior with mean 1 and the
 * coefficient of variation that reads the region's low-high prognosis range as a 90% interval.
 *
 * @example
 * inflowSettings(datasets.prognosis, codes).regionalPrior; // {mean: 1, cv: 0.1…}
 */
export function inflowSettings(records: readonly PrognosisRecord[], codes: readonly string[]): PooledSettings {
  const totals = prognosisTotals(records);
  const region = (variant: string) => {
    const byYear = new Map<number, number>();
    for (const code of codes) for (const [y, v] of totals.get(`${code}|${variant}`) ?? []) byYear.set(y, (byYear.get(y) ?? 0) + v);
    return byYear.size === 0 ? undefined : average([...byYear.values()]);
  };
  const central = region("central");
  if (central === undefined || !(central > 0)) throw new Error("no positive central prognosis for the region: cannot build an inflow prior");
  const low = region("low");
  const high = region("high");
  // Without a range: as unsure as a 25% coefficient of variation (stated in README.md).
  const cv = low !== undefined && high !== undefined && high > low ? (high - low) / (2 * Z95) / central : 0.25;
  return {...INFLOW_SETTINGS, regionalPrior: {mean: 1, cv}};
}

/**
 * Recalibrates the engine's parameters from the realised years up to and including `options.year`, with partial
 * pooling across the municipalities in the agreement. Throws a DatasetError naming the missing figures when `year`
 * is not complete.
 *
 * @example
 * const {calibration} = recalibrate(loadDatasets("data"), monitoring, {year: 2025, version: "2025-1", createdAt: "2026-03-23"});
 * calibration.startYear; // 2026
 */
export function recalibrate(datasets: Datasets, monitoring: MonitoringData, options: RecalibrationOptions): Recalibration {
  const {year} = options;
  const members = datasets.municipalities.filter((m) => m.inAgreement);
  const codes = members.map((m) => m.code);
  const file = join(options.monitoringDir ?? "data/monitoring", `${year}.csv`);
  const realisedYears = monitoring.years.filter((y) => y <= year);
  if (!realisedYears.includes(year)) {
    throw new DatasetError([{file, expected: `gerealiseerde cijfers over ${year} (geen rijen voor dat jaar gevonden)`}]);
  }
  const issues: Issue[] = [];
  for (const code of codes) {
    for (const metric of ["vacancies", "inflow", "backlog"] as const) {
      if (realised(monitoring, year, code, metric) === undefined) {
        issues.push({file, column: "metric", value: metric, expected: `een rij ${year},${code},${metric},all (ontbreekt; nodig voor de herijking)`});
      }
    }
  }
  if (issues.length > 0) throw new DatasetError(issues);

  const startYear = year + 1;
  const forecastYears = startYear <= LAST_YEAR ? Array.from({length: LAST_YEAR - startYear + 1}, (_, i) => startYear + i) : [startYear];
  const observedOf = (code: string, metric: "vacancies" | "inflow") =>
    realisedYears.flatMap((y) => {
      const value = realised(monitoring, y, code, metric);
      return value === undefined ? [] : [{year: y, value}];
    });

  // Vacancies: the series years before the first realised year (a year is never counted twice), then monitoring.
  const firstRealised = realisedYears[0]!;
  const stock = new Map(members.map((m) => [m.code, m.socialStock.value]));
  const series = (code: string) =>
    datasets.vacancies.filter((v) => v.municipality === code && v.year < firstRealised).map((v) => ({year: v.year, count: v.vacancies, exposure: stock.get(code)!}));
  for (const code of codes) {
    if (series(code).length === 0) throw new Error(`no vacancies before ${firstRealised} for ${code} in the vacancy series: cannot build a prior`);
  }
  const vacancyUnits = (withRealised: boolean): Unit[] => codes.map((code) => ({
    code,
    exposure: stock.get(code)!,
    observations: [...series(code), ...(withRealised ? observedOf(code, "vacancies").map((o) => ({year: o.year, count: o.value, exposure: stock.get(code)!})) : [])]
  }));
  const vacancyBefore = fitPooled(vacancyUnits(false), VACANCY_SETTINGS);
  const vacancyFit = fitPooled(vacancyUnits(true), VACANCY_SETTINGS);

  // Inflow: the realised / prognosed ratio per origin, pooled; the exposure is the central prognosis of the year.
  const totals = prognosisTotals(datasets.prognosis);
  const exposureOf = (code: string) => {
    const byYear = totals.get(`${code}|central`);
    if (!byYear || byYear.size === 0) throw new Error(`no central prognosis for origin ${code}: cannot build an inflow prior`);
    const mean = average([...byYear.values()]);
    return (y: number) => byYear.get(y) ?? mean;
  };
  const settings = inflowSettings(datasets.prognosis, codes);
  const inflowUnits = (withRealised: boolean): Unit[] => codes.map((code) => {
    const e = exposureOf(code);
    return {code, exposure: e, observations: withRealised ? observedOf(code, "inflow").map((o) => ({year: o.year, count: o.value, exposure: e(o.year)})) : []};
  });
  const inflowBefore = fitPooled(inflowUnits(false), settings);
  const inflowFit = fitPooled(inflowUnits(true), settings);

  const engineBelief = (fit: PooledFit, i: number, exposure: (y: number) => number) =>
    beliefFromMoments(mixMoments(forecastYears.map((y) => predictiveMoments(fit, i, y, exposure(y)))));
  const strength = (fit: PooledFit, i: number, perYear: number) => {
    const u = fit.units[i]!;
    return Number.isFinite(u.priorYears) ? u.priorYears : fit.shared.rate / (perYear / u.dispersion);
  };

  const traces: MunicipalityTrace[] = members.map((m, i) => {
    const vExposure = () => stock.get(m.code)!;
    const iExposure = exposureOf(m.code);
    const vBefore = engineBelief(vacancyBefore, i, vExposure);
    const dBefore = engineBelief(inflowBefore, i, iExposure);
    return {
      code: m.code,
      name: m.name,
      vacancies: {
        prior: {belief: vBefore, mean: gammaMean(vBefore), strength: strength(vacancyFit, i, stock.get(m.code)!)},
        observed: observedOf(m.code, "vacancies"),
        posterior: engineBelief(vacancyFit, i, vExposure),
        dispersion: vacancyFit.units[i]!.dispersion
      },
      inflow: {
        prior: {belief: dBefore, mean: gammaMean(dBefore), strength: strength(inflowFit, i, iExposure(startYear))},
        observed: observedOf(m.code, "inflow"),
        posterior: engineBelief(inflowFit, i, iExposure),
        dispersion: inflowFit.units[i]!.dispersion
      },
      backlog: realised(monitoring, year, m.code, "backlog")!
    };
  });

  const municipalities: Record<string, MunicipalityCalibration> = {};
  for (const t of traces) {
    municipalities[t.code] = {vacancies: t.vacancies.posterior, inflow: t.inflow.posterior, backlog: t.backlog};
  }
  const shares = returnShares(monitoring, datasets.groups.map((g) => ({id: g.id, returnShare: g.returnShare.value})), year);
  const learned = shares.filter((s) => s.inflow > 0);
  const used = monitoring.current.filter((r) => r.year <= year && codes.includes(r.municipality));
  const statuses = [...new Set(used.map((r) => r.status))].sort();
  return {
    calibration: {
      version: options.version,
      createdAt: options.createdAt,
      realisedYears,
      startYear,
      municipalities,
      model: MODEL,
      ...(learned.length > 0 ? {returnShares: Object.fromEntries(learned.map((s) => [s.group, s.posterior]))} : {}),
      usedRows: usedRows(monitoring, year)
    },
    municipalities: traces,
    dispersion: vacancyFit.pooledDispersion,
    trend: vacancyFit.trend,
    vacancyFit,
    inflowFit,
    returnShares: shares,
    statuses
  };
}
