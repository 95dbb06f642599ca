// The entry form on the Monitoring page: inputs only. All checking and the file itself come from
// monitoring-entry.ts (loaded as a browser bundle and passed in), so what the page accepts is what the loader accepts.
import type {EntryContext, EntryResult, EntryState, FieldError} from "./monitoring-entry.ts";
import type {Metric} from "../../../loaders/monitoring-schema.ts";

/** The functions of the entry bundle the form uses. */
export interface EntryModule {
  readonly entryResult: (state: EntryState, context: EntryContext) => EntryResult;
  readonly emptyEntry: (today: string) => EntryState;
  readonly fieldId: (code: string, metric: Metric, group?: string) => string;
  readonly ENTRY_METRICS: readonly {readonly metric: Metric; readonly label: string; readonly byGroup: boolean}[];
  readonly ENTRY_STATUSES: readonly {readonly id: string; readonly label: string}[];
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/**
 * The form: shared fields (new year or correction, year, date, status, source, reason, note), a table of totals per
 * municipality, the split by group, the errors per field in Dutch, and — only when there are none — the file to
 * download and the command to run next.
 *
 * @example
 * display(entryForm(await import(url), context));
 */
export function entryForm(entry: EntryModule, context: EntryContext): HTMLElement {
  let state: EntryState = entry.emptyEntry(context.today);
  // A new year is the one after the last file (the form's own default is last calendar year).
  const fileYears = context.files.map((f) => Number(f.name.slice(0, 4))).filter((y) => Number.isInteger(y));
  if (fileYears.length > 0) state = {...state, year: String(Math.max(...fileYears) + 1)};
  // Errors show at a field once it was touched (an empty form is not a list of 32 mistakes); the count is always there.
  const touched = new Set<string>(["year", "recorded_on", "status", "source", "reason", "note", "mode", "values"]);
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const errorSlots = new Map<string, HTMLElement>();
  const slot = (field: string) => {
    const s = el("span", {className: "fs-field-error"});
    s.setAttribute("role", "alert");
    errorSlots.set(field, s);
    return s;
  };
  const labelled = (text: string, input: HTMLInputElement | HTMLSelectElement, field: string) => {
    inputs.set(field, input);
    input.name = field;
    return el("label", {className: "fs-entry-field"}, el("span", {}, text), input, slot(field));
  };
  const text = (field: keyof EntryState, value: string, type = "text") => {
    const input = el("input", {type, value});
    input.addEventListener("input", () => update({[field]: input.value} as Partial<EntryState>));
    return input;
  };

  const mode = el("select", {}, el("option", {value: "new", textContent: "nieuw jaar"}), el("option", {value: "correction", textContent: "correctie op een bestaand jaar"}));
  mode.addEventListener("change", () => update({mode: mode.value as EntryState["mode"], reason: mode.value === "new" ? "eerste registratie" : ""}));
  const status = el("select", {}, ...entry.ENTRY_STATUSES.map((s) => el("option", {value: s.id, textContent: s.label})));
  status.value = state.status;
  status.addEventListener("change", () => update({status: status.value}));
  const reason = text("reason", state.reason);

  const shared = el("div", {className: "fs-entry-shared"},
    labelled("Soort invoer", mode, "mode"),
    labelled("Jaar", text("year", state.year, "number"), "year"),
    labelled("Vastgelegd op", text("recordedOn", state.recordedOn, "date"), "recorded_on"),
    labelled("Status", status, "status"),
    labelled("Bron", text("source", state.source), "source"),
    labelled("Reden (verplicht bij een correctie)", reason, "reason"),
    labelled("Toelichting", text("note", state.note), "note"),
    slot("values")
  );

  const valueInput = (code: string, metric: Metric, group: string, label: string) => {
    const id = entry.fieldId(code, metric, group);
    const input = el("input", {type: "text", inputMode: "numeric", size: 6, value: ""});
    input.setAttribute("aria-label", label);
    input.name = id;
    inputs.set(id, input);
    input.addEventListener("input", () => {
      touched.add(id);
      update({values: {...state.values, [id]: input.value}});
    });
    return el("td", {}, input, slot(id));
  };
  const totals = el("table", {className: "fs-entry-table"},
    el("thead", {}, el("tr", {}, el("th", {textContent: "gemeente"}), ...entry.ENTRY_METRICS.map((m) => el("th", {textContent: m.label})))),
    el("tbody", {}, ...context.municipalities.map((m) =>
      el("tr", {}, el("th", {textContent: m.name}), ...entry.ENTRY_METRICS.map((x) => valueInput(m.code, x.metric, "all", `${m.name}, ${x.label}`)))))
  );
  const grouped = entry.ENTRY_METRICS.filter((m) => m.byGroup);
  const byGroup = el("details", {},
    el("summary", {textContent: "Uitsplitsing naar groep (waar bekend)"}),
    ...grouped.map((x) => el("table", {className: "fs-entry-table"},
      el("caption", {textContent: x.label}),
      el("thead", {}, el("tr", {}, el("th", {textContent: "gemeente"}), ...context.groups.map((g) => el("th", {textContent: g.name})))),
      el("tbody", {}, ...context.municipalities.map((m) =>
        el("tr", {}, el("th", {textContent: m.name}), ...context.groups.map((g) => valueInput(m.code, x.metric, g.id, `${m.name}, ${x.label}, ${g.name}`)))))
    ))
  );

  const summary = el("div", {className: "fs-entry-result"});
  summary.setAttribute("aria-live", "polite");
  let objectUrl: string | null = null;

  function show(result: EntryResult): void {
    for (const [field, s] of errorSlots) {
      const mine: FieldError[] = touched.has(field) ? result.errors.filter((e) => e.field === field) : [];
      s.textContent = mine.map((e) => e.message).join(" ");
      inputs.get(field)?.setAttribute("aria-invalid", String(mine.length > 0));
    }
    if (objectUrl) URL.revokeObjectURL(objectUrl);
    objectUrl = null;
    summary.replaceChildren();
    if (result.csv === null) {
      const seen = result.errors.filter((e) => touched.has(e.field));
      const open = result.errors.length - seen.length;
      summary.append(el("p", {className: "fs-warn", textContent: `Nog ${result.errors.length} ${result.errors.length === 1 ? "punt" : "punten"} te verbeteren${open > 0 ? ` (waarvan ${open} nog niet ingevuld)` : ""}; pas daarna is het bestand te downloaden.`}),
        el("ul", {}, ...seen.slice(0, 50).map((e) => el("li", {textContent: e.message}))));
      return;
    }
    objectUrl = URL.createObjectURL(new Blob([result.csv], {type: "text/csv;charset=utf-8"}));
    summary.append(
      el("p", {}, `Het bestand is in orde (${result.rowsAdded} ${result.rowsAdded === 1 ? "rij" : "rijen"} ${state.mode === "correction" ? "toegevoegd onderaan het bestaande bestand" : ""}).`),
      el("p", {}, el("a", {href: objectUrl, download: result.fileName!, className: "fs-button", textContent: `Download ${result.fileName}`})),
      el("p", {}, `Sla het op als data/monitoring/${result.fileName}${state.mode === "correction" ? " (het vervangt het bestand door dezelfde rijen plus de correctie)" : ""} en voer daarna uit:`),
      el("pre", {}, el("code", {textContent: result.command!}))
    );
  }

  function update(change: Partial<EntryState>): void {
    state = {...state, ...change};
    if (change.reason !== undefined && reason.value !== change.reason) reason.value = change.reason;
    show(entry.entryResult(state, context));
  }

  const root = el("form", {className: "fs-entry"}, shared, totals, byGroup, summary);
  root.addEventListener("submit", (event) => event.preventDefault());
  show(entry.entryResult(state, context));
  return root;
}
