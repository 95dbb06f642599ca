// The validated, immutable datasets that loaders produce and the engine consumes.
// This file is the contract between `loaders/` and `simulations/`: change it deliberately.

/** How a value came to be: read from a publication, computed from published values, or estimated by us. */
export const STATUSES = ["published", "derived", "estimate"] as const;
export type Status = (typeof STATUSES)[number];

/** Where a value comes from. `source` is a citation a reader can follow; `note` explains an estimate's method. */
export interface Provenance {
  readonly status: Status;
  readonly source: string;
  readonly note?: string;
}

/** A single figure with its reference year and provenance. */
export interface Figure extends Provenance {
  readonly value: number;
  readonly year: number;
}

/** A municipality of Regio Amersfoort (and Barneveld, which is outside the agreement). */
export interface Municipality {
  /** CBS code, e.g. "GM0307". */
  readonly code: string;
  readonly name: string;
  readonly province: string;
  /** Whether the municipality takes part in the fair-share agreement (Barneveld does not). */
  readonly inAgreement: boolean;
  readonly inhabitants: Figure;
  readonly households: Figure;
  readonly dwellings: Figure;
  /** Social-rental homes owned by housing associations (corporatiebezit). */
  readonly socialStock: Figure;
  /** Where code, name, province and participation come from (set by `loadDatasets`; optional for hand-made data). */
  readonly provenance?: Provenance & {readonly year: number};
}

/** Social-rental homes that fell vacant (lettings) in one municipality in one year. */
export interface VacancyRecord extends Provenance {
  readonly municipality: string; // CBS code
  readonly year: number;
  readonly vacancies: number; // non-negative integer
}

/** A statutory-urgent group (Wvrv), with the share that can return to its municipality of origin. */
export interface UrgentGroup {
  readonly id: string; // e.g. "mo" (maatschappelijke opvang)
  readonly name: string; // Dutch label for the UI
  /** Share of this group's inflow that returns to its municipality of origin (instroom = uitstroom). */
  readonly returnShare: Figure; // value in [0, 1]
}

export const VARIANTS = ["low", "central", "high"] as const;
export type Variant = (typeof VARIANTS)[number];

/** Companen prognosis: placements needed for one group, origin and year, in one variant. */
export interface PrognosisRecord extends Provenance {
  readonly group: string; // UrgentGroup.id
  readonly origin: string; // CBS code of the municipality of origin (herkomstgemeente)
  readonly year: number;
  readonly variant: Variant;
  readonly placements: number; // non-negative integer
}

/** First lettings of newly built social-rental homes in one municipality and year (homes delivered and let). */
export interface NewBuildRecord extends Provenance {
  readonly municipality: string; // CBS code
  readonly year: number;
  readonly homes: number; // non-negative integer
}

/** A share per municipality and year: competing priority claims (statushouders) or the suitable share of lettings. */
export interface ShareRecord extends Provenance {
  readonly municipality: string; // CBS code
  readonly year: number;
  readonly share: number; // in [0, 1]
}

/** A published figure kept for reference and for checking estimates against (data/public-figures.csv). */
export interface PublicFigure extends Provenance {
  readonly id: string;
  /** CBS code, "regio" (Regio Amersfoort) or "NL". */
  readonly area: string;
  readonly indicator: string;
  readonly year: number;
  readonly value: number;
  readonly unit: string;
}

/** Everything the engine needs from `data/`, validated across datasets. */
export interface Datasets {
  readonly municipalities: readonly Municipality[];
  readonly vacancies: readonly VacancyRecord[];
  readonly groups: readonly UrgentGroup[];
  readonly prognosis: readonly PrognosisRecord[];
  /** First lettings of new build per municipality and year (absent: none). */
  readonly newBuild?: readonly NewBuildRecord[];
  /** Share of lettings taken by competing priority claims (statushouders) per municipality and year (absent: none). */
  readonly claims?: readonly ShareRecord[];
  /** Share of lettings (after competing claims) suitable for urgent seekers, per municipality (absent: all). */
  readonly suitable?: readonly ShareRecord[];
  /** Published figures kept for reference (absent: none). */
  readonly publicFigures?: readonly PublicFigure[];
}
