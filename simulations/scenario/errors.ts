import type {z} from "zod";

/** A scenario that cannot be used; the message names the file, the JSON path and what was expected. */
export class ScenarioError extends Error {
  override readonly name = "ScenarioError";
  constructor(
    readonly file: string,
    readonly issues: readonly {path: string; message: string}[]
  ) {
    super(issues.map((i) => `${file}: at ${i.path}: ${i.message}`).join("\n"));
  }
}

/**
 * A JSON path in the usual `$.a[0].b` notation.
 *
 * @example
 * jsonPath(["ramp", 0, "amersfoort"]); // "$.ramp[0].amersfoort"
 */
export function jsonPath(path: readonly PropertyKey[]): string {
  return "$" + path.map((p) => (typeof p === "number" ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(String(p)) ? `.${String(p)}` : `[${JSON.stringify(String(p))}]`)).join("");
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
      for (const key of issue.keys) out.push({path: jsonPath([...path, key]), message: "unknown field (not in the scenario schema)"});
    } else {
      out.push({path: jsonPath(path), message: issue.message});
    }
  }
  return out;
}
