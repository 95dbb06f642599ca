// Zod schemas for single CSV cells (always strings). Each error message says, in plain Dutch, what a valid cell
// looks like; `rows.ts` turns it into an issue with file, line, column and the value found.
import {z} from "zod";
import {STATUSES, VARIANTS} from "./types.ts";
import {MAX_COUNT} from "./bounds.ts";
import {dutchNumber} from "./errors.ts";

const DECIMAL_COMMA = /^-?\d+,\d+$/;

/** A non-empty text. */
export const text = z.string().min(1, "een tekst (deze cel is leeg)");

/** A text that may be empty (e.g. a note on a published value). */
export const optionalText = z.string();

/** A CBS municipality code such as GM0307. */
export const municipalityCode = z.string().regex(/^GM\d{4}$/, "een CBS-gemeentecode zoals GM0307 (GM en vier cijfers)");

/** A calendar year. */
export const year = z.string().transform((s, ctx) => {
  if (!/^\d{4}$/.test(s) || Number(s) < 1900 || Number(s) > 2100) {
    ctx.addIssue({code: "custom", message: "een jaartal van vier cijfers, zoals 2024"});
    return z.NEVER;
  }
  return Number(s);
});

/**
 * A whole number from 0 to `max` (a count of homes or people), written without sign, point or spaces.
 *
 * @example
 * countUpTo(10_000).safeParse("12000").success; // false: "… hoogstens 10000 (getal te groot)"
 */
export function countUpTo(max: number) {
  return z.string().transform((s, ctx) => {
    const message = countProblem(s, max);
    if (message) {
      ctx.addIssue({code: "custom", message});
      return z.NEVER;
    }
    return Number(s);
  });
}

/** A non-negative whole number (a count of homes or people), at most MAX_COUNT. */
export const count = countUpTo(MAX_COUNT);

function countProblem(s: string, max: number): string | undefined {
  const base = `een geheel getal van 0 tot en met ${dutchNumber(max)}, zonder punt of spatie, zoals 70`;
  if (s === "") return `${base} (deze cel is leeg)`;
  if (/^\d+$/.test(s)) return Number(s) <= max ? undefined : `${base} (getal te groot)`;
  if (DECIMAL_COMMA.test(s)) return `${base} (een komma gevonden: decimalen of duizendtallen horen hier niet)`;
  if (/^-\d+([.]\d+)?$/.test(s)) return `${base} (negatief getal gevonden)`;
  if (/^\d+\.\d+$/.test(s)) return `${base} (een getal met decimalen of een duizendtalpunt gevonden)`;
  return base;
}

/** A share between 0 and 1, written with a '.' decimal point. */
export const share = z.string().transform((s, ctx) => {
  const base = "een aandeel tussen 0 en 1 met een punt als decimaalteken, zoals 0.8";
  let message: string | undefined;
  if (s === "") message = `${base} (deze cel is leeg)`;
  else if (DECIMAL_COMMA.test(s)) message = `${base} (decimale komma gevonden; schrijf ${s.replace(",", ".")})`;
  else if (/%$/.test(s)) message = `${base} (geen percentage; 80% schrijf je als 0.8)`;
  else if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(s)) message = base;
  else if (Number(s) < 0 || Number(s) > 1) message = `${base} (buiten 0 tot en met 1)`;
  if (message) {
    ctx.addIssue({code: "custom", message});
    return z.NEVER;
  }
  return Number(s);
});

/** true or false (any capitalisation, since Excel writes TRUE/FALSE). */
export const bool = z.string().transform((s, ctx) => {
  const v = s.toLowerCase();
  if (v !== "true" && v !== "false") {
    ctx.addIssue({code: "custom", message: "true of false"});
    return z.NEVER;
  }
  return v === "true";
});

/** A provenance status: published, derived or estimate. */
export const status = z.enum(STATUSES, {error: `een van ${STATUSES.join(", ")}`});

/** A prognosis variant: low, central or high. */
export const variant = z.enum(VARIANTS, {error: `een van ${VARIANTS.join(", ")}`});

/** An identifier for a group: lower-case letters, digits and underscores. */
export const identifier = z.string().regex(/^[a-z][a-z0-9_]*$/, "een korte code van kleine letters, cijfers of _, zoals mo");

/**
 * The provenance columns every dataset has. An estimate must explain its method in `note`.
 *
 * @example
 * z.object({value: count, ...provenance}).superRefine(estimateNeedsNote)
 */
export const provenance = {status, source: text, note: optionalText};

/** Refinement: a row whose status is `estimate` needs a non-empty note with its method. */
export function estimateNeedsNote(row: {status: string; note: string}, ctx: z.RefinementCtx): void {
  if (row.status === "estimate" && row.note === "")
    ctx.addIssue({code: "custom", path: ["note"], message: "bij status estimate een korte toelichting op de schattingsmethode"});
}
