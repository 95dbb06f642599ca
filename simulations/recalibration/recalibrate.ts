// Recalibration: from the realised years, update the engine's Gamma beliefs on the yearly vacancies and the yearly
// inflow per municipality, and start the forecast from the realised backlog. See README.md in this folder.
import {join} from "node:path";
import type {Datasets} from "../../loaders/types.ts";
import {DatasetError, type Issue} from "../../loaders/errors.ts";
import {realised, type MonitoringData, type MonitoringStatus} from "../../loaders/monitoring.ts";
import type {Calibration, GammaBelief, MunicipalityCalibration} from "../model/calibration.ts";
import {updateGamma} from "./gamma-poisson.ts";
import {inflowPriors, vacancyPriors, type Prior} from "./prior.ts";

/** One belief's path: the prior, the realised counts it learned from, and the posterior. */
export interface BeliefTrace {
  readonly prior: Prior;
  readonly observed: readonly {year: number; value: number}[];
  readonly posterior: GammaBelief;
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
  /** Pooled dispersion index of the vacancy series used for the vacancy priors' strength. */
  readonly dispersion: number;
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

/**
 * Recalibrates the engine's parameters from the realised years up to and including `options.year`.
 * Posterior α = α₀ + Σy, β = β₀ + n per municipality, for the yearly vacancies and the yearly inflow by origin.
 * Throws a DatasetError naming the missing figures when `year` is not complete.
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

  // The series years from the first realised year on are monitoring's to tell; never count a year twice.
  const {priors: vacancyPrior, dispersion} = vacancyPriors(datasets.vacancies, codes, realisedYears[0]!);
  const inflowPrior = inflowPriors(datasets.prognosis, codes);

  const traces: MunicipalityTrace[] = members.map((m) => {
    const trace = (prior: Prior, metric: "vacancies" | "inflow"): BeliefTrace => {
      const observed = realisedYears.flatMap((y) => {
        const value = realised(monitoring, y, m.code, metric);
        return value === undefined ? [] : [{year: y, value}];
      });
      return {prior, observed, posterior: updateGamma(prior.belief, observed.map((o) => o.value))};
    };
    return {
      code: m.code,
      name: m.name,
      vacancies: trace(vacancyPrior.get(m.code)!, "vacancies"),
      inflow: trace(inflowPrior.get(m.code)!, "inflow"),
      backlog: realised(monitoring, year, m.code, "backlog")!
    };
  });

  const municipalities: Record<string, MunicipalityCalibration> = {};
  for (const t of traces) {
    municipalities[t.code] = {vacancies: t.vacancies.posterior, inflow: t.inflow.posterior, backlog: t.backlog};
  }
  const used = monitoring.current.filter((r) => r.year <= year && codes.includes(r.municipality));
  const statuses = [...new Set(used.map((r) => r.status))].sort();
  return {
    calibration: {
      version: options.version,
      createdAt: options.createdAt,
      realisedYears,
      startYear: year + 1,
      municipalities
    },
    municipalities: traces,
    dispersion,
    statuses
  };
}
