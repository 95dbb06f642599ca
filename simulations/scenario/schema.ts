// Scenarios are data: this zod schema is the one definition of what a scenario file may say. The JSON Schema that
// editors use (scenario.schema.json) is generated from it, never written by hand.
import {z} from "zod";
import {FIRST_YEAR, LAST_YEAR} from "../model/inputs.ts";
import {LEAD_MUNICIPALITY} from "../agreement.ts";

/** Documented ranges of the scenario's numbers (simulations/README.md, "Ranges"); they keep every count far from
 * the Int32 arrays' limit and a run's memory bounded. */
export const SCENARIO_RANGES = {
  year: {min: 2000, max: 2100},
  /** Placements per year in one ramp period field (the agreement: 227 for the whole region). */
  rampCount: {min: 0, max: 100_000},
  /** Ramp periods in one scenario. */
  rampPeriods: {min: 1, max: 100},
  keyWeight: {min: 0, max: 1000},
  inflowDispersion: {min: 0, max: 0.5},
  vacancyWindow: {min: 1, max: 20},
  idLength: 64,
  nameLength: 200,
  descriptionLength: 5000
} as const;
const R = SCENARIO_RANGES;

const year = z.number().int().min(R.year.min).max(R.year.max);
const count = z.number().int().min(R.rampCount.min).max(R.rampCount.max);
const weight = z.number().min(R.keyWeight.min).max(R.keyWeight.max).optional();

/** The years every ramp period covers. */
const periodYears = {
  from: year.describe("first year of the period"),
  to: year.describe("last year of the period (inclusive)")
};

/**
 * A ramp period that fixes the placements of some municipalities and gives the others' total, divided over them by
 * the key (the agreed form: the largest municipality has a count of its own, the other seven share one).
 */
const fixedPeriod = z
  .object({
    ...periodYears,
    fixed: z
      .record(z.string().min(1), count)
      .refine((f) => Object.keys(f).length > 0, {message: "minstens één gemeente met een eigen aantal"})
      .describe("placements per year of the municipalities with a count of their own, by CBS code (GM0307) or name"),
    others: count.describe("placements per year in the other municipalities together, divided over them by the key")
  })
  .strict();

/**
 * Older scenario files (and links) name the lead municipality's count `amersfoort`: read as `fixed` with the
 * agreement's lead municipality (LEAD_MUNICIPALITY), so they keep working; new files use `fixed`.
 */
const leadPeriod = z
  .object({
    ...periodYears,
    amersfoort: count.describe("older form of fixed: placements per year in the agreement's lead municipality"),
    others: count.describe("placements per year in the other municipalities together")
  })
  .strict()
  .transform(({from, to, amersfoort, others}) => ({from, to, fixed: {[LEAD_MUNICIPALITY]: amersfoort} as Record<string, number>, others}));

/** A ramp period that gives only the region's total, divided over all eight by the key ("immediate fair share"). */
const regionPeriod = z
  .object({
    ...periodYears,
    region: count.describe("placements per year in the region, divided over all eight municipalities by the key")
  })
  .strict();

/** A ramp period that gives every municipality's placements per year (e.g. the fair-share solver's proposal). */
const targetsPeriod = z
  .object({
    ...periodYears,
    targets: z
      .record(z.string().min(1), count)
      .describe("placements per year per municipality, by CBS code (GM0307) or name; every municipality in the agreement exactly once")
  })
  .strict();

export const rampPeriodSchema = z.union([fixedPeriod, leadPeriod, regionPeriod, targetsPeriod]);
export type RampPeriod = z.output<typeof rampPeriodSchema>;

/** Weights of the allocation key (verdeelsleutel); one positive weight is a pure key, several make a mix. */
export const keySchema = z
  .object({
    inhabitants: weight.describe("weight of the number of inhabitants"),
    households: weight.describe("weight of the number of households"),
    socialStock: weight.describe("weight of the social-rental stock owned by housing associations"),
    vacancies: weight.describe("weight of the expected yearly social-rental vacancies")
  })
  .strict()
  .refine((k) => (k.inhabitants ?? 0) + (k.households ?? 0) + (k.socialStock ?? 0) + (k.vacancies ?? 0) > 0, {
    message: "minstens één gewicht van de verdeelsleutel groter dan 0"
  });
export type KeyWeights = z.output<typeof keySchema>;

export const VACANCY_DISPERSIONS = ["series", "poisson"] as const;
/** The prognosis variants, and "range": a per-run level between them (low at P10, high at P90). */
export const PROGNOSES = ["low", "central", "high", "range"] as const;
/** How the regional pool is placed: "obligation" (nobody waits while a municipality has capacity) or "ceiling". */
export const PLACEMENTS = ["obligation", "ceiling"] as const;

const fields = {
  $schema: z.string().optional(),
  id: z
    .string()
    .max(R.idLength)
    .regex(/^[a-z0-9][a-z0-9-]*$/, "een id van kleine letters, cijfers en streepjes, zoals mijn-scenario")
    .describe("identifier, used on the command line and in the scenario column"),
  name: z.string().min(1).max(R.nameLength).describe("Dutch name for the pages"),
  description: z.string().max(R.descriptionLength).describe("Dutch description for the pages"),
  ramp: z
    .array(rampPeriodSchema)
    .min(R.rampPeriods.min)
    .max(R.rampPeriods.max)
    .describe("the ramp path (ingroeipad): placements per year, by period; periods must not overlap"),
  key: keySchema
    .default({socialStock: 1})
    .describe("allocation key (verdeelsleutel) that splits the others' total over the seven; default: social-rental stock"),
  prognosis: z
    .enum(PROGNOSES)
    .default("central")
    .describe("inflow prognosis: a fixed variant (low, central, high), or range: a level per run with low and high at P10 and P90"),
  cap: z
    .number()
    .gt(0)
    .max(1)
    .nullable()
    .default(null)
    .describe("cap on the share of a municipality's vacancies that goes to urgent seekers; null for none"),
  spillOver: z
    .boolean()
    .default(false)
    .describe(
      "obligation: returners who do not fit at home are housed elsewhere instead of waiting at home; ceiling: who cannot be placed within the targets goes to municipalities with capacity left, instead of waiting"
    ),
  inflowDispersion: z
    .number()
    .min(R.inflowDispersion.min)
    .max(R.inflowDispersion.max)
    .default(0)
    .describe("overdispersion φ of the inflow counts: variance = mean + φ·mean²; 0 is Poisson"),
  vacancyDispersion: z
    .enum(VACANCY_DISPERSIONS)
    .default("series")
    .describe("spread of the vacancies: from the series' own variation (negative binomial if overdispersed) or Poisson"),
  vacancyWindow: z
    .number()
    .int()
    .min(R.vacancyWindow.min)
    .max(R.vacancyWindow.max)
    .default(5)
    .describe("number of most recent years of the vacancy series that give its mean and spread"),
  stochastic: z.boolean().default(true).describe("false: every count is its expected value (no randomness)"),
  placement: z
    .enum(PLACEMENTS)
    .default("obligation")
    .describe(
      "obligation: returners at home, the pool by the targets' room, then beyond the targets by the key, up to capacity (people wait only where capacity binds); ceiling: the pool only within the targets"
    ),
  vacancyTrend: z.boolean().default(true).describe("carry the vacancy series' fitted trend (at most ±3% a year) into 2025-2030"),
  newBuild: z.boolean().default(true).describe("add the first lettings of new build (data/newbuild.csv) to the vacancies"),
  competingClaims: z.boolean().default(true).describe("take competing priority claims (statushouders, data/claims.csv) off the lettings"),
  notHousedAtHome: z
    .array(z.string().regex(/^[a-z][a-z0-9_]*$/, "a group id from data/groups.csv"))
    .default(["hg"])
    .describe("groups whose members who cannot return are never housed in their municipality of origin (default: victims of domestic violence)")
};

function checkPeriods(ramp: readonly RampPeriod[], ctx: z.RefinementCtx) {
  ramp.forEach((p, i) => {
    if (p.from > p.to) ctx.addIssue({code: "custom", path: ["ramp", i, "to"], message: `"to" moet minstens "from" (${p.from}) zijn`});
    ramp.forEach((q, j) => {
      if (j < i && p.from <= q.to && q.from <= p.to) {
        ctx.addIssue({code: "custom", path: ["ramp", i], message: `periode overlapt ramp[${j}] (${q.from}-${q.to})`});
      }
    });
  });
  // The engine simulates FIRST_YEAR..LAST_YEAR: a year without a period would otherwise surface only mid-run.
  const uncovered: number[] = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; ++y) if (!ramp.some((p) => p.from <= y && y <= p.to)) uncovered.push(y);
  if (uncovered.length > 0) {
    ctx.addIssue({
      code: "custom",
      path: ["ramp"],
      message: `geen periode dekt ${uncovered.join(", ")}: het ingroeipad moet elk jaar ${FIRST_YEAR}-${LAST_YEAR} dekken`
    });
  }
}

/**
 * A complete scenario, after `extends` has been resolved and defaults filled in.
 *
 * @example
 * scenarioSchema.parse({id: "x", name: "X", description: "", ramp: [{from: 2025, to: 2030, region: 227}]}).cap; // null
 */
export const scenarioSchema = z
  .object(fields)
  .strict()
  .superRefine((s, ctx) => checkPeriods(s.ramp, ctx));
export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as written in a file, before defaults are filled in. */
export type ScenarioInput = z.input<typeof scenarioSchema>;

/** What a scenario file may hold: a complete scenario, or changes to a base scenario named by `extends`. */
export const scenarioFileSchema = z.union([
  z.object(fields).strict(),
  z
    .object({...fields, extends: z.string().describe("id of the scenario this one changes")})
    .partial()
    .required({extends: true})
    .strict()
]);

/**
 * The JSON Schema of scenario files, generated from the zod schema (committed as scenario.schema.json).
 *
 * @example
 * scenarioJsonSchema().anyOf.length; // 2: a complete scenario, or one that extends another
 */
export function scenarioJsonSchema(): Record<string, unknown> & {anyOf: unknown[]} {
  const schema = z.toJSONSchema(scenarioFileSchema, {io: "input", target: "draft-2020-12"}) as Record<string, unknown> & {
    anyOf: unknown[];
  };
  return {...schema, title: "fairshare scenario", description: "A scenario for the fairshare engine (simulations/scenario/schema.ts)"};
}
