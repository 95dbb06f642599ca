// Assumptions a researcher may vary that are data, not scenario fields: the level of the vacancies and the share
// of each group that returns to its municipality of origin. Applied to a copy of the datasets before the engine
// prepares its inputs; the page "Prognoses toetsen" and `npm run simulate -- --vacancy-factor/--return-share-factor`
// share this one function, so a figure on the page can be reproduced on the command line.
import type {Datasets} from "../../loaders/types.ts";

export interface DataAssumptions {
  /** Multiplier on every municipality's vacancy series (1 = as in data/). */
  readonly vacancyFactor: number;
  /** Multiplier on every group's return share, capped at 1 (1 = as in data/). */
  readonly returnShareFactor: number;
}

/** The datasets as they are. */
export const AS_IN_DATA: DataAssumptions = {vacancyFactor: 1, returnShareFactor: 1};

/**
 * The datasets with the assumptions applied; the same object when nothing changes (so results stay bit-identical
 * to the command line's).
 *
 * @example
 * adjustDatasets(datasets, {vacancyFactor: 1.1, returnShareFactor: 1}).vacancies[0].vacancies; // 10% more, rounded
 */
export function adjustDatasets(datasets: Datasets, assumptions: DataAssumptions): Datasets {
  const {vacancyFactor, returnShareFactor} = assumptions;
  if (!(vacancyFactor > 0) || !Number.isFinite(vacancyFactor)) throw new Error(`vacancyFactor must be > 0, got ${vacancyFactor}`);
  if (!(returnShareFactor >= 0) || !Number.isFinite(returnShareFactor)) {
    throw new Error(`returnShareFactor must be ≥ 0, got ${returnShareFactor}`);
  }
  if (vacancyFactor === 1 && returnShareFactor === 1) return datasets;
  return {
    ...datasets,
    // Vacancies are counts of homes: keep them whole.
    vacancies: datasets.vacancies.map((v) => ({...v, vacancies: Math.round(v.vacancies * vacancyFactor)})),
    groups: datasets.groups.map((g) => ({
      ...g,
      returnShare: {...g.returnShare, value: Math.min(1, g.returnShare.value * returnShareFactor)}
    }))
  };
}
