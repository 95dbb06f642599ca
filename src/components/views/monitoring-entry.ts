// The Monitoring page's entry form, as a pure function: the form's state → the Dutch errors per field, and (only
// when there are none) the CSV file to save into data/monitoring/ and the command to run next. Every row is checked
// with the loader's own schema (loaders/monitoring-schema.ts) and cross-row rules (loaders/monitoring-trail.ts), so
// a file this produces is accepted by the loader as it is. The page reaches this module as a browser bundle
// (monitoring-entry-bundle.js.ts), since pages cannot import files outside src/.
import {MONITORING_COLUMNS, monitoringRowSchema, type Metric} from "../../../loaders/monitoring-schema.ts";
import {resolveTrail, type MonitoringRecord} from "../../../loaders/monitoring-trail.ts";

/** The metrics the form asks per municipality, in its order, with their Dutch labels. */
export const ENTRY_METRICS: readonly {readonly metric: Metric; readonly label: string; readonly byGroup: boolean}[] = [
  {metric: "vacancies", label: "vrijgekomen woningen", byGroup: false},
  {metric: "placements", label: "plaatsingen", byGroup: true},
  {metric: "inflow", label: "instroom (herkomst)", byGroup: true},
  {metric: "returners", label: "teruggekeerd naar herkomstgemeente", byGroup: true},
  {metric: "backlog", label: "wachtenden eind jaar (herkomst)", byGroup: false}
];

/** A new year needs these totals for every municipality (the recalibration uses vacancies, inflow and backlog). */
export const REQUIRED_METRICS: readonly Metric[] = ["vacancies", "placements", "inflow", "backlog"];

/** Statuses the form offers (`example` is for demonstration files only). */
export const ENTRY_STATUSES = [
  {id: "final", label: "definitief"},
  {id: "provisional", label: "voorlopig"},
  {id: "estimate", label: "geschat"}
] as const;

export interface EntryState {
  /** `new`: a year without a file yet; `correction`: rows appended to an existing year's file. */
  readonly mode: "new" | "correction";
  readonly year: string;
  /** YYYY-MM-DD: the date the rows are recorded (for a correction: later than the row it corrects). */
  readonly recordedOn: string;
  readonly status: string;
  readonly source: string;
  /** Why the rows are added; required for a correction. */
  readonly reason: string;
  readonly note: string;
  /** Values by field id (`fieldId(code, metric, group)`); empty or absent = not entered. */
  readonly values: Readonly<Record<string, string>>;
}

/** A row of the trail as the monitoring page data carries it. */
export type TrailRow = Omit<MonitoringRecord, "metric" | "status"> & {readonly metric: string; readonly status: string};

export interface EntryContext {
  readonly municipalities: readonly {readonly code: string; readonly name: string}[];
  readonly groups: readonly {readonly id: string; readonly name: string}[];
  /** Today as YYYY-MM-DD. */
  readonly today: string;
  /** The monitoring files as they are now (name like "2025.csv" and their text). */
  readonly files: readonly {readonly name: string; readonly text: string}[];
  /** Every row of those files, with file ("data/monitoring/2025.csv") and line. */
  readonly trail: readonly TrailRow[];
}

export interface FieldError {
  /** Field id: "year", "recorded_on", "status", "source", "reason", "note", "values" or a value's field id. */
  readonly field: string;
  readonly message: string;
}

export interface EntryResult {
  readonly errors: readonly FieldError[];
  /** The whole file to save (only without errors). */
  readonly csv: string | null;
  /** "2026.csv" (only without errors). */
  readonly fileName: string | null;
  /** Where to save it and what to run next (only without errors). */
  readonly command: string | null;
  /** How many rows the file gains. */
  readonly rowsAdded: number;
}

/**
 * The id of a value's field: municipality code, metric and group ("all" for the total).
 *
 * @example
 * fieldId("GM0307", "placements", "mo"); // "GM0307.placements.mo"
 */
export function fieldId(code: string, metric: Metric, group = "all"): string {
  return `${code}.${metric}.${group}`;
}

/** The folder the loader reads; the form's file goes there. */
const FOLDER = "data/monitoring";

/** Text that a spreadsheet would run as a formula, or that would break a CSV line. */
function textProblem(value: string): string | undefined {
  if (/[\r\n]/.test(value)) return "één regel tekst (geen regeleinde)";
  if (/^[=+\-@\t]/.test(value)) return "een tekst die niet begint met =, +, -, @ of een tab (een spreadsheet leest dat als formule)";
  return undefined;
}

/**
 * One CSV cell: quoted when it holds a comma, a quote or a leading/trailing space, as csv-parse reads it back.
 *
 * @example
 * csvCell('corporatie "De Woning", Baarn'); // '"corporatie ""De Woning"", Baarn"'
 */
export function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const HEADER = MONITORING_COLUMNS.join(",");

/**
 * Checks the form and, when all is well, produces the file. A new year gives a new file with the header; a
 * correction gives the year's existing file unchanged with the new rows appended (append-only).
 *
 * @example
 * const {errors, csv, command} = entryResult(state, context);
 * errors.length === 0; // then csv is the file to save as data/monitoring/<year>.csv
 */
export function entryResult(state: EntryState, context: EntryContext): EntryResult {
  const errors: FieldError[] = [];
  const error = (field: string, message: string) => {
    if (!errors.some((e) => e.field === field && e.message === message)) errors.push({field, message});
  };
  const nameOf = (code: string) => context.municipalities.find((m) => m.code === code)?.name ?? code;
  const groupName = (id: string) => (id === "all" ? "totaal" : context.groups.find((g) => g.id === id)?.name ?? id);
  const labelOf = (code: string, metric: string, group: string) =>
    `${nameOf(code)}, ${ENTRY_METRICS.find((m) => m.metric === metric)?.label ?? metric}${group === "all" ? "" : ` (${groupName(group)})`}`;

  // Shared fields.
  const year = state.year.trim();
  const fileName = `${year}.csv`;
  const existing = context.files.find((f) => f.name === fileName);
  if (!/^\d{4}$/.test(year)) error("year", "Jaar: verwacht een jaartal van vier cijfers, zoals 2026");
  else if (state.mode === "new" && existing) error("year", `Jaar: voor ${year} bestaat al een bestand (${FOLDER}/${fileName}); kies "correctie" om rijen toe te voegen`);
  else if (state.mode === "correction" && !existing) error("year", `Jaar: voor ${year} is er nog geen bestand om te corrigeren; kies "nieuw jaar"`);
  if (!ENTRY_STATUSES.some((s) => s.id === state.status)) error("status", `Status: verwacht ${ENTRY_STATUSES.map((s) => s.label).join(", ")}`);
  if (state.mode === "correction" && state.reason.trim() === "") {
    error("reason", "Reden: een correctie heeft een reden nodig, zoals \"nagekomen verhuringen van de corporatie\"");
  }
  for (const [field, label, value] of [["source", "Bron", state.source], ["reason", "Reden", state.reason], ["note", "Toelichting", state.note]] as const) {
    const problem = textProblem(value.trim());
    if (problem) error(field, `${label}: verwacht ${problem}`);
  }

  // The rows, in a fixed order: per municipality, per metric, the total then the groups.
  const wanted: {code: string; metric: Metric; group: string; value: string}[] = [];
  for (const m of context.municipalities) {
    for (const {metric, byGroup} of ENTRY_METRICS) {
      for (const group of ["all", ...(byGroup ? context.groups.map((g) => g.id) : [])]) {
        const value = (state.values[fieldId(m.code, metric, group)] ?? "").trim();
        if (value !== "") wanted.push({code: m.code, metric, group, value});
        else if (state.mode === "new" && group === "all" && REQUIRED_METRICS.includes(metric)) {
          error(fieldId(m.code, metric, group), `${labelOf(m.code, metric, group)}: verwacht een aantal (dit cijfer is nodig voor elk nieuw jaar)`);
        }
      }
    }
  }
  if (wanted.length === 0 && state.mode === "correction") error("values", "Geen cijfers ingevuld: vul de cijfers in die u wilt corrigeren");

  // Each row through the loader's schema, exactly as the loader will read it.
  const common = {year, status: state.status, source: state.source.trim(), recorded_on: state.recordedOn.trim(), reason: state.reason.trim(), note: state.note.trim()};
  const sharedField: Record<string, [string, string]> = {
    year: ["year", "Jaar"], status: ["status", "Status"], source: ["source", "Bron"], recorded_on: ["recorded_on", "Datum vastgelegd"],
    reason: ["reason", "Reden"], note: ["note", "Toelichting"]
  };
  const startLine = existing ? existing.text.replace(/\n$/, "").split("\n").length + 1 : 2;
  const records: MonitoringRecord[] = [];
  const fieldOfLine = new Map<number, string>();
  const cells: string[][] = [];
  wanted.forEach((w, i) => {
    const raw = {...common, municipality: w.code, metric: w.metric, group: w.group, value: w.value};
    const id = fieldId(w.code, w.metric, w.group);
    const parsed = monitoringRowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = String(issue.path[0] ?? "");
        const shared = sharedField[column];
        if (shared) error(shared[0], `${shared[1]}: verwacht ${issue.message}`);
        else error(id, `${labelOf(w.code, w.metric, w.group)}: verwacht ${issue.message}`);
      }
      return;
    }
    const r = parsed.data;
    const line = startLine + i;
    fieldOfLine.set(line, id);
    records.push({year: r.year, municipality: r.municipality, metric: r.metric, group: r.group, value: r.value, status: r.status, source: r.source,
      recordedOn: r.recorded_on, reason: r.reason, note: r.note, file: `${FOLDER}/${fileName}`, line});
    cells.push(MONITORING_COLUMNS.map((c) => String(raw[c])));
  });

  // The rules between rows (corrections, totals, placements within vacancies) over the files as they would be.
  if (errors.length === 0) {
    const before = context.trail.map((r) => ({...r}) as MonitoringRecord);
    const {issues} = resolveTrail([...before, ...records], {
      municipalities: context.municipalities.map((m) => m.code),
      groups: context.groups.map((g) => g.id),
      today: context.today
    });
    for (const issue of issues) {
      const own = issue.file === `${FOLDER}/${fileName}` ? fieldOfLine.get(issue.line ?? -1) : undefined;
      const shared = issue.column ? sharedField[issue.column] : undefined;
      if (own && shared && issue.column !== "value") error(shared[0], `${shared[1]}: verwacht ${issue.expected}`);
      else if (own) {
        const [code, metric, group] = own.split(".");
        error(own, `${labelOf(code!, metric!, group!)}: verwacht ${issue.expected}`);
      } else if (issue.file === `${FOLDER}/${fileName}` && issue.line !== undefined && issue.line < startLine && issue.column === "value") {
        // A total already in the file that the new group rows would exceed: name the group fields of this entry.
        error("values", `Regel ${issue.line} van ${fileName}: verwacht ${issue.expected}`);
      } else {
        error("values", `${issue.file}${issue.line ? `, regel ${issue.line}` : ""}: verwacht ${issue.expected}`);
      }
    }
  }

  if (errors.length > 0) return {errors, csv: null, fileName: null, command: null, rowsAdded: 0};
  const body = cells.map((row) => row.map(csvCell).join(",")).join("\n") + "\n";
  const csv = existing ? `${existing.text}${existing.text.endsWith("\n") || existing.text === "" ? "" : "\n"}${body}` : `${HEADER}\n${body}`;
  return {
    errors,
    csv,
    fileName,
    command: `npm run recalibrate -- --year ${year}`,
    rowsAdded: cells.length
  };
}

/**
 * An empty form for a new year: recorded today, status provisional, reason "eerste registratie".
 *
 * @example
 * emptyEntry("2027-02-15"); // {mode: "new", year: "2026", recordedOn: "2027-02-15", …}
 */
export function emptyEntry(today: string): EntryState {
  return {mode: "new", year: String(Number(today.slice(0, 4)) - 1), recordedOn: today, status: "provisional", source: "", reason: "eerste registratie", note: "", values: {}};
}
