// Message helpers of the command lines: the cap on printed problems and Dutch numbers (defined with the loaders'
// messages, which use them too), and the engine's errors in Dutch. Browser-safe (no node imports).

export {MAX_PROBLEMS, capProblems, dutchNumber} from "../../loaders/errors.ts";

// Errors of the engine and the recalibration that a user can reach with data or files of their own (the engine's
// code speaks English, a user reads Dutch). Anything not listed is shown with the prefix "interne fout".
const ENGINE_ERRORS: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/Amersfoort \((\w+)\) is not among the municipalities in the agreement/, (m) => `data/municipalities.csv: Amersfoort (${m[1]}) doet niet mee aan de afspraak (in_agreement) of ontbreekt; het rekenmodel heeft die gemeente nodig`],
  [/no vacancy figures for (.+)$/, (m) => `data/vacancies.csv: geen cijfers over leegkomende woningen voor ${m[1]}`],
  [/the prognosis has no (\w+) figure for group (\w+), origin (.+), (\d{4})$/, (m) => `data/prognosis.csv: geen prognose (variant ${m[1]}) voor groep ${m[2]}, herkomst ${m[3]}, ${m[4]}`],
  [/allocation key: the members' (\w+) add up to (\S+), cannot divide by it/, (m) => `de verdeelsleutel weegt "${m[1]}", maar die cijfers van de deelnemende gemeenten tellen op tot ${m[2]}: daardoor kan niet worden gedeeld (data/municipal-figures.csv)`],
  [/allocation key: at least one weight must be greater than 0/, () => "de verdeelsleutel heeft minstens één gewicht groter dan 0 nodig"],
  [/calibration (\S+) has no entry for (.+)$/, (m) => `herijking ${m[1]} heeft geen gegevens voor ${m[2]}`],
  [/calibration start year must be in (\S+), got (\S+)/, (m) => `het beginjaar van de herijking moet in ${m[1]} liggen, gevonden ${m[2]}`],
  [/^(.+) is not a valid calibration: (.+)$/, (m) => `${m[1]} is geen geldig herijkingsbestand (${m[2]})`],
  [/^(.+) already exists; a calibration version is never overwritten/, (m) => `${m[1]} bestaat al; een herijkingsversie wordt nooit overschreven`],
  [/no vacancies before (\d{4}) for (\S+)/, (m) => `data/vacancies.csv: geen cijfers over leegkomende woningen vóór ${m[1]} voor ${m[2]}`],
  [/no positive central prognosis for origin (\S+)/, (m) => `data/prognosis.csv: geen positieve centrale prognose voor herkomst ${m[1]}`],
  [/the forecast \((.+)\) has no placements for (.+) in (\d{4})/, (m) => `de prognose (${m[1]}) heeft geen plaatsingen voor ${m[2]} in ${m[3]}`]
];

/**
 * An engine or recalibration error in Dutch, naming the data file it comes from where that is known.
 *
 * @example
 * dutchEngineError("prepareInputs: no vacancy figures for Baarn (GM0308)");
 * // "data/vacancies.csv: geen cijfers over leegkomende woningen voor Baarn (GM0308)"
 */
export function dutchEngineError(message: string): string {
  for (const [pattern, dutch] of ENGINE_ERRORS) {
    const m = pattern.exec(message);
    if (m) return dutch(m);
  }
  return `interne fout (${message})`;
}
