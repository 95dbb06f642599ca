import type {z} from "zod";
import {capProblems, dutchNumber} from "../../loaders/errors.ts";

/**
 * A scenario that cannot be used; the message (Dutch) names the file, the JSON path and what was expected, at
 * most 50 problems and then "en N meer". It never quotes the file's text.
 */
export class ScenarioError extends Error {
  override readonly name = "ScenarioError";
  constructor(
    readonly file: string,
    readonly issues: readonly {path: string; message: string}[]
  ) {
    super(capProblems(issues.map((i) => (i.path === "$" ? `${file}: ${i.message}` : `${file}, veld ${i.path}: ${i.message}`))).join("\n"));
  }
}

/**
 * A JSON path in the usual `$.a[0].b` notation.
 *
 * @example
 * jsonPath(["ramp", 0, "amersfoort"]); // "$.ramp[0].amersfoort"
 */
export function jsonPath(path: readonly PropertyKey[]): string {
  return "$" + path.map((p) => (typeof p === "number" ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(String(p)) ? `.${String(p)}` : `[${JSON.stringify(String(p).slice(0, 40))}]`)).join("");
}

/** What a JSON value is, in Dutch; numbers are named, texts are not quoted (a message never echoes file text). */
function found(input: unknown): string {
  if (input === undefined) return "niets (het veld ontbreekt)";
  if (input === null) return "null";
  if (Array.isArray(input)) return "een lijst";
  if (typeof input === "number") return dutchNumber(input);
  if (typeof input === "string") return "een tekst";
  if (typeof input === "boolean") return String(input);
  return "een object";
}

const TYPES: Readonly<Record<string, string>> = {
  number: "een getal",
  int: "een geheel getal",
  string: "een tekst",
  boolean: "true of false",
  object: "een object { … }",
  array: "een lijst [ … ]",
  null: "null"
};

/**
 * Zod's issues in Dutch (the schema's own messages are Dutch already): pass as `safeParse(x, {error: dutchIssue})`.
 *
 * @example
 * scenarioSchema.safeParse(json, {error: dutchIssue});
 */
export function dutchIssue(issue: z.core.$ZodRawIssue): string | undefined {
  const input = issue.input;
  switch (issue.code) {
    case "invalid_type":
      return `verwacht ${TYPES[issue.expected] ?? issue.expected}; gevonden ${found(input)}`;
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "array") return `minstens ${min} ${min === 1 ? "element" : "elementen"}`;
      if (issue.origin === "string") return min === 1 ? "een tekst die niet leeg is" : `minstens ${min} tekens`;
      return `${issue.inclusive ? "minstens" : "groter dan"} ${dutchNumber(min)}; gevonden ${found(input)}`;
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "array") return `hoogstens ${max} elementen`;
      if (issue.origin === "string") return `hoogstens ${max} tekens`;
      return `${issue.inclusive ? "hoogstens" : "kleiner dan"} ${dutchNumber(max)}; gevonden ${found(input)}`;
    }
    case "invalid_value":
      return `een van ${issue.values.map((v) => JSON.stringify(v)).join(", ")}; gevonden ${found(input)}`;
    case "not_multiple_of":
      return `een veelvoud van ${String(issue.divisor)}; gevonden ${found(input)}`;
    case "invalid_format":
      return `een tekst in de vorm ${issue.format}`;
    case "invalid_union":
      return `geen van de toegestane vormen; gevonden ${found(input)}`;
    default:
      return undefined;
  }
}

/** Flattens zod issues; for a union, reports the branch that came closest (fewest issues) instead of all of them. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): {path: string; message: string}[] {
  const out: {path: string; message: string}[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const best = issue.errors.reduce((a, b) => (b.length < a.length ? b : a));
      out.push(...describeIssues(best, path));
    } else if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out.push({path: jsonPath([...path, key]), message: "onbekend veld (niet in het scenarioschema)"});
    } else {
      out.push({path: jsonPath(path), message: issue.message});
    }
  }
  return out;
}
