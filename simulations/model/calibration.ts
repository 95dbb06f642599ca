// Recalibrated parameters written by `npm run recalibrate` (simulations/recalibration/) and read by the engine.
// This type is the contract between monitoring and the engine: change it deliberately.

/** Gamma(shape, rate) belief about a yearly Poisson rate; mean = shape / rate, variance = shape / rate². */
export interface GammaBelief {
  readonly shape: number;
  readonly rate: number;
}

export interface MunicipalityCalibration {
  /** Posterior belief about the yearly number of social-rental vacancies. */
  readonly vacancies: GammaBelief;
  /** Posterior belief about the yearly urgent inflow with this municipality as origin (all groups together). */
  readonly inflow: GammaBelief;
  /** Realised backlog (people waiting) at the end of the last realised year, by origin. */
  readonly backlog: number;
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
}
