// Recalibrated parameters written by `npm run recalibrate` (simulations/recalibration/) and read by the engine.
// This type is the contract between monitoring and the engine: change it deliberately.

/** Gamma(shape, rate) belief about a yearly Poisson rate; mean = shape / rate, variance = shape / rate². */
export interface GammaBelief {
  readonly shape: number;
  readonly rate: number;
}

/** Beta(shape1, shape2) belief about a share; mean = shape1 / (shape1 + shape2). */
export interface BetaBelief {
  readonly shape1: number;
  readonly shape2: number;
}

export interface MunicipalityCalibration {
  /**
   * Belief about the yearly number of social-rental vacancies, as the engine draws it (a rate per run, Poisson
   * years): its one-year predictive has the pooled model's mean and variance over the forecast years.
   */
  readonly vacancies: GammaBelief;
  /** The same for the yearly urgent inflow with this municipality as origin (all groups together). */
  readonly inflow: GammaBelief;
  /** Realised backlog (people waiting) at the end of the last realised year, by origin. */
  readonly backlog: number;
}

/** A monitoring row a calibration learned from: where it was and a SHA-256 of its fields (append-only check). */
export interface UsedRow {
  /** File name inside the monitoring folder, e.g. "2025.csv". */
  readonly file: string;
  readonly line: number;
  /** year|municipality|metric|group, to name the row in a message. */
  readonly key: string;
  readonly value: number;
  readonly recordedOn: string;
  readonly sha256: string;
}

export interface Calibration {
  /** e.g. "2025-1": realised year and a sequence number, so a correction makes a new version. */
  readonly version: string;
  readonly createdAt: string; // ISO date
  /** The realised years this calibration learned from. */
  readonly realisedYears: readonly number[];
  /** First forecast year: the engine simulates startYear..2030 from the realised backlog. */
  readonly startYear: number;
  /** Keyed by CBS code; every municipality in the agreement is present. */
  readonly municipalities: Readonly<Record<string, MunicipalityCalibration>>;
  /** Which recalibration model made it ("pooled": partial pooling, trend, overdispersion); absent in older files. */
  readonly model?: string;
  /** Posterior return share per urgent group (beta-binomial); the engine uses the mean. Absent: data/groups.csv. */
  readonly returnShares?: Readonly<Record<string, BetaBelief>>;
  /** Every monitoring row of the realised years it read (append-only: a later run refuses if one changed). */
  readonly usedRows?: readonly UsedRow[];
}
