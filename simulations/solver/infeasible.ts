// Why a fair-share problem has no solution, in Dutch for the user, and structured for pages and tests.
import {formatCount} from "./format.ts";

/** One violated constraint: which municipality (or "regio" for a sum) and which bound. */
export interface Violation {
  readonly municipality: string;
  readonly constraint: "floor" | "ceiling" | "fixed" | "floors" | "ceilings" | "total";
  readonly message: string;
}

/** A fair-share problem that cannot be solved; `message` is Dutch and names the municipalities and constraints. */
export class InfeasibleError extends Error {
  override readonly name = "InfeasibleError";
  constructor(readonly violations: readonly Violation[]) {
    super(violations.map((v) => v.message).join("\n"));
  }
}

/** One bound of one entry with its reason in Dutch, e.g. "9 (verwachte terugkeerders)". */
export function bound(value: number, reason: string | undefined): string {
  return `${value === Infinity ? "onbegrensd" : formatCount(value)}${reason ? ` (${reason})` : ""}`;
}
