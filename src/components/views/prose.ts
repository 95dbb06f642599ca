// Sentences of the pages' prose that state the agreement's facts, built from the engine's facts and the agreed
// scenario's ramp, so no page repeats a number that the agreement or the data fixes.
import type {Scenario} from "../../lib/engine-browser.ts";
import {formatList, formatNumber, formatPercent} from "../format.js";
import {bandText, type Engine, type ViewContext} from "./context.js";

/**
 * The years the agreement covers.
 *
 * @example
 * yearsOf(engine); // [2025, 2026, 2027, 2028, 2029, 2030]
 */
export function yearsOf(engine: Engine): number[] {
  return Array.from({length: engine.LAST_YEAR - engine.FIRST_YEAR + 1}, (_, i) => engine.FIRST_YEAR + i);
}

/**
 * A ramp in words: "in 2025-2026 Amersfoort 135 en de andere gemeenten samen 92, in 2027-2030 …"; municipalities
 * named by CBS code in the scenario are called by their names.
 *
 * @example
 * rampText(agreed.ramp, inputs.municipalities);
 */
export function rampText(ramp: Scenario["ramp"], municipalities: readonly {readonly code: string; readonly name: string}[]): string {
  const name = (key: string) => municipalities.find((m) => m.code === key)?.name ?? key;
  const counts = (named: Record<string, number>) => Object.entries(named).map(([m, n]) => `${name(m)} ${formatNumber(n)}`).join(", ");
  return ramp
    .map((p) =>
      "region" in p
        ? `in ${p.from}-${p.to} de regio ${formatNumber(p.region)}`
        : "targets" in p
          ? `in ${p.from}-${p.to} per gemeente ${counts(p.targets)}`
          : `in ${p.from}-${p.to} ${counts(p.fixed)} en de andere gemeenten samen ${formatNumber(p.others)}`
    )
    .join(", ");
}

/**
 * What the first period of a ramp fixes, in words, for the Methode and Verdeelsleutels pages: "het aantal voor
 * Amersfoort en het totaal van de andere zeven", or "het totaal van de regio" when it fixes no municipality, or
 * "het doel van elke gemeente" when it lists them all. `others` is the number of municipalities the key divides over.
 *
 * @example
 * rampSplit(agreed.ramp, datasets.municipalities.filter((m) => m.inAgreement)); // {text: "het aantal voor Amersfoort en het totaal van de andere zeven", others: 7}
 */
export function rampSplit(ramp: Scenario["ramp"], members: readonly {readonly code: string; readonly name: string}[]): {readonly text: string; readonly others: number} {
  const first = ramp[0];
  if (first === undefined || "region" in first) return {text: "het totaal van de regio", others: members.length};
  if ("targets" in first) return {text: "het doel van elke gemeente", others: 0};
  const fixed = members.filter((m) => Object.keys(first.fixed).some((key) => key === m.code || key === m.name));
  const others = members.length - fixed.length;
  return {text: `het aantal voor ${formatList(fixed.map((m) => m.name))} en het totaal van de andere ${numberWord(others)}`, others};
}

/** The prognosis choices in Dutch: "range" draws a level per run between low and high (P10-P90); the others are fixed. */
export const PROGNOSIS_WORDS = {range: "bandbreedte", low: "laag", central: "midden", high: "hoog"} as const;
export const PROGNOSES = ["range", "low", "central", "high"] as const;

/** Small counts in words, as Dutch prose writes them ("acht gemeenten"); larger ones in digits. */
const WORDS = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"];

/**
 * A count in words up to twelve, in digits above.
 *
 * @example
 * numberWord(8); // "acht"
 */
export function numberWord(n: number): string {
  return WORDS[n] ?? formatNumber(n);
}

/**
 * The agreement in two sentences, with its numbers in bold, from the agreed scenario and the engine's facts.
 *
 * @example
 * agreementText(ctx, scenarios.scenarios.agreed).textContent; // "De acht gemeenten … samen 227 …"
 */
export function agreementText(ctx: ViewContext, agreed: Scenario): HTMLElement {
  const members = ctx.datasets.municipalities.filter((m) => m.inAgreement).length;
  // Municipalities in the data but outside the agreement (in this region: Barneveld) are named, as the agreement does.
  const outside = ctx.datasets.municipalities.filter((m) => !m.inAgreement).map((m) => m.name);
  const first = agreed.ramp[0]!;
  const total = ctx.engine.rampTotal(first);
  const span = document.createElement("span");
  const strong = (text: string): HTMLElement => Object.assign(document.createElement("strong"), {textContent: text});
  span.append(
    `De ${numberWord(members)} gemeenten van ${ctx.engine.REGION_NAME}${outside.length > 0 ? ` (zonder ${formatList(outside)})` : ""} hebben afgesproken samen `,
    strong(`${formatNumber(total)} wettelijk urgent woningzoekenden per jaar`),
    ` te huisvesten, volgens een ingroeipad: ${rampText(agreed.ramp, ctx.datasets.municipalities)}. Dat is ongeveer `,
    strong(formatPercent(ctx.engine.REGIONAL_SHARE)),
    ` van de vrijkomende sociale huurwoningen in de regio, per gemeente tussen ${bandText(ctx).replace(" tot ", " en ")}.`
  );
  return span;
}
