// Flags with documented ranges, one definition per command: parsing, range checks, Dutch messages that name the
// flag, and the usage text all come from it, so `simulate`, `recalibrate` (and `solve`) answer alike.
import {parseArgs} from "node:util";
import {dutchNumber} from "../../loaders/errors.ts";

/** A flag of a command. Numbers carry their accepted range (inclusive unless `above` is set). */
export type FlagSpec =
  | {readonly type: "boolean"; readonly help: string}
  | {readonly type: "string"; readonly help: string; readonly value: string; readonly default?: string}
  | {readonly type: "integer"; readonly help: string; readonly value?: string; readonly min: number; readonly max: number; readonly default?: number}
  | {
      readonly type: "number";
      readonly help: string;
      readonly value?: string;
      /** Lowest accepted value; with `above`, the value must be greater than it. */
      readonly min: number;
      readonly above?: boolean;
      readonly max: number;
      readonly default?: number;
    };

/** A command: its name, the lines of its synopsis, its flags and notes printed under them. */
export interface CommandSpec<F extends Readonly<Record<string, FlagSpec>>> {
  readonly name: string;
  readonly synopsis: readonly string[];
  readonly flags: F;
  readonly notes?: readonly string[];
}

/** Parsed values: booleans, numbers (with their default when given) and strings (undefined when absent). */
export type FlagValues<F extends Readonly<Record<string, FlagSpec>>> = {
  -readonly [K in keyof F]: F[K] extends {type: "boolean"}
    ? boolean
    : F[K] extends {type: "integer" | "number"; default: number}
      ? number
      : F[K] extends {type: "integer" | "number"}
        ? number | undefined
        : F[K] extends {type: "string"; default: string}
          ? string
          : string | undefined;
};

/** A command line that cannot be run as given; the message (Dutch) names the flag. Exit code 2, with the usage. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** The accepted range of a number flag, in Dutch: "1 tot en met 1.000.000". */
export function rangeText(spec: {min: number; max: number; above?: boolean}): string {
  return spec.above ? `groter dan ${dutchNumber(spec.min)} en hoogstens ${dutchNumber(spec.max)}` : `${dutchNumber(spec.min)} tot en met ${dutchNumber(spec.max)}`;
}

/**
 * Reads a number flag's text: digits only for an integer, digits with an optional decimal point for a number (no
 * sign, exponent, spaces or thousands separators), inside the flag's range.
 *
 * @example
 * readNumber("runs", "5000", {type: "integer", help: "", min: 1, max: 1_000_000}); // 5000
 * readNumber("runs", "1e3", {type: "integer", help: "", min: 1, max: 1_000_000}); // throws UsageError
 */
export function readNumber(flag: string, text: string, spec: Extract<FlagSpec, {type: "integer" | "number"}>): number {
  const integer = spec.type === "integer";
  const what = integer ? `een geheel getal van ${rangeText(spec)}` : `een getal ${"above" in spec && spec.above ? "" : "van "}${rangeText(spec)} met een punt als decimaalteken`;
  const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  const refuse = (why = ""): never => {
    throw new UsageError(`--${flag} moet ${what} zijn; gevonden ${shown}${why}`);
  };
  if (!integer && /^\d+,\d+$/.test(text)) refuse(` (decimale komma: schrijf ${text.replace(",", ".")})`);
  if (!(integer ? /^\d+$/ : /^\d+(\.\d+)?$/).test(text)) refuse();
  const x = Number(text);
  const above = "above" in spec && spec.above === true;
  if (!Number.isFinite(x) || x > spec.max || (above ? x <= spec.min : x < spec.min)) refuse(" (buiten het bereik)");
  return x;
}

/**
 * Parses `argv` against a command's flags. Returns "help" for --help/-h; throws a UsageError (Dutch, naming the
 * flag) for an unknown flag, a missing or empty value, a flag given twice, a stray argument or a number out of range.
 *
 * @example
 * const values = parseFlags(SIMULATE, ["--scenario", "agreed", "--runs", "500", "--out", "a.csv"]);
 * if (values !== "help") values.runs; // 500
 */
export function parseFlags<F extends Readonly<Record<string, FlagSpec>>>(command: CommandSpec<F>, argv: readonly string[]): FlagValues<F> | "help" {
  const options: Record<string, {type: "string" | "boolean"; short?: string}> = {help: {type: "boolean", short: "h"}};
  for (const [name, spec] of Object.entries(command.flags)) options[name] = {type: spec.type === "boolean" ? "boolean" : "string"};
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({args: [...argv], options, strict: true, allowPositionals: false, tokens: true});
  } catch (e) {
    throw new UsageError(dutchParseError(e as Error & {code?: string}));
  }
  if (parsed.values["help"] === true) return "help";
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== "option") continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is twee keer gegeven; geef elke optie één keer`);
    seen.add(token.name);
  }
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(command.flags)) {
    const raw = parsed.values[name];
    if (spec.type === "boolean") {
      out[name] = raw === true;
      continue;
    }
    if (raw === undefined) {
      out[name] = spec.default;
      continue;
    }
    const text = String(raw);
    if (text.trim() === "") throw new UsageError(`--${name} heeft een waarde nodig (${spec.value ?? "een getal"}); gevonden een lege waarde`);
    if (/[\u0000-\u001f]/.test(text)) throw new UsageError(`--${name} bevat een stuurteken (zoals een regeleinde of een nul-byte); geef een gewone ${spec.type === "string" ? "naam" : "waarde"}`);
    out[name] = spec.type === "string" ? text : readNumber(name, text, spec);
  }
  return out as FlagValues<F>;
}

// node:util's parseArgs speaks English; its three errors, in Dutch and naming the flag.
function dutchParseError(e: Error & {code?: string}): string {
  const quoted = /'([^']*)'/.exec(e.message)?.[1] ?? "";
  switch (e.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `onbekende optie "${quoted}"`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `onverwacht argument "${quoted}": elke waarde hoort bij een optie (--naam waarde)`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      const flag = /(--[\w-]+)/.exec(e.message)?.[1] ?? "een optie";
      return /argument missing|ambiguous/.test(e.message) ? `${flag} heeft een waarde nodig` : `${flag} neemt geen waarde`;
    }
    default:
      return `de opdrachtregel is niet te lezen (${e.message})`;
  }
}

/**
 * The usage text of a command: synopsis, every flag with its help, range and default, then the notes.
 *
 * @example
 * usage(SIMULATE).startsWith("Gebruik:"); // true
 */
export function usage<F extends Readonly<Record<string, FlagSpec>>>(command: CommandSpec<F>): string {
  const rows = Object.entries(command.flags).map(([name, spec]): [string, string] => {
    const left = spec.type === "boolean" ? `--${name}` : `--${name} ${spec.value ?? (spec.type === "integer" ? "N" : "X")}`;
    const extra: string[] = [];
    if (spec.type === "integer" || spec.type === "number") extra.push(rangeText(spec));
    if ("default" in spec && spec.default !== undefined) extra.push(`standaard ${typeof spec.default === "number" ? dutchNumber(spec.default) : spec.default}`);
    return [left, extra.length > 0 ? `${spec.help} (${extra.join("; ")})` : spec.help];
  });
  rows.push(["--help, -h", "deze uitleg"]);
  const width = Math.max(...rows.map(([l]) => l.length)) + 2;
  return [
    "Gebruik:",
    ...command.synopsis.map((s) => `  ${s}`),
    "",
    ...rows.map(([l, r]) => `  ${l.padEnd(width)}${r}`),
    ...(command.notes && command.notes.length > 0 ? ["", ...command.notes] : [])
  ].join("\n");
}
