// Simulate once, view many: a page keeps its newest simulation outcome and says when a newer one is on its way.
// A page cell yields a Run twice per request (busy with the last outcome, then ready with the new one); view cells
// render from it, and render a busy run dimmed and labelled, so an outcome of older inputs never passes as current.

/** The state of a page's simulation. */
export interface Run<T> {
  /** A request is in flight; `value` (if any) belongs to earlier inputs. */
  readonly busy: boolean;
  /** The newest finished outcome. */
  readonly value: T | undefined;
  /** A Dutch message when the newest request failed. */
  readonly error?: string;
  /** What is being computed, in Dutch (for the busy label and the status line). */
  readonly label: string;
}

/**
 * Remembers a page's newest outcome across requests.
 *
 * @example
 * const tracker = new RunTracker();
 * const run = tracker.track(() => pool.simulate(request), "10.000 doorrekeningen"); // a generator for a page cell
 */
export class RunTracker<T> {
  private last: T | undefined;
  private lastKey: string | undefined;

  /** The newest finished outcome, if any. */
  latest(): T | undefined {
    return this.last;
  }

  /**
   * Yields an outcome that is already known (a default view computed at build time) and remembers it, so a later
   * request shows it dimmed while it computes.
   */
  async *known(value: T, label: string, key?: string): AsyncGenerator<Run<T>, void, unknown> {
    this.last = value;
    this.lastKey = key;
    yield {busy: false, value, label};
  }

  /**
   * Yields a busy run at once, then the finished one (or the error); for a Framework cell to iterate. With a `key`
   * (the request as text), a request equal to the last finished one yields that outcome without running again.
   */
  async *track(job: () => Promise<T>, label: string, key?: string): AsyncGenerator<Run<T>, void, unknown> {
    if (key !== undefined && key === this.lastKey && this.last !== undefined) {
      yield {busy: false, value: this.last, label};
      return;
    }
    // Started before the busy state is shown: the page's runtime asks for the next value only a frame later.
    const running = job();
    running.catch(() => undefined); // awaited below; no unhandled rejection meanwhile
    yield {busy: true, value: this.last, label};
    let outcome: Run<T>;
    try {
      const value = await running;
      this.last = value;
      this.lastKey = key;
      outcome = {busy: false, value, label};
    } catch (error) {
      outcome = {busy: false, value: undefined, label, error: error instanceof Error ? error.message : String(error)};
    }
    yield outcome;
  }
}

/**
 * A run that is already finished (for views rendered from a fixed outcome, such as the golden tests).
 *
 * @example
 * ready(outcome).busy; // false
 */
export function ready<T>(value: T, label = ""): Run<T> {
  return {busy: false, value, label};
}

/**
 * Wraps what a view drew from a run: while busy the content is dimmed, marked aria-busy and labelled "wordt
 * herberekend"; before the first outcome a placeholder says it is being computed; an error shows in Dutch.
 *
 * @example
 * display(busyFrame(run, (outcome) => figure({...})));
 */
export function busyFrame<T>(run: Run<T>, render: (value: T) => Node, minHeight = 120): HTMLElement {
  const root = document.createElement("div");
  root.className = "fs-run";
  root.setAttribute("aria-busy", String(run.busy));
  if (run.error !== undefined) {
    const p = document.createElement("p");
    p.className = "fs-warn";
    p.textContent = `De doorrekening is mislukt: ${run.error}`;
    root.append(p);
    return root;
  }
  if (run.value === undefined) {
    root.classList.add("fs-pending");
    root.style.minHeight = `${minHeight}px`;
    root.textContent = `Bezig met doorrekenen: ${run.label}…`;
    return root;
  }
  root.append(render(run.value));
  if (run.busy) {
    root.classList.add("fs-busy");
    const label = document.createElement("div");
    label.className = "fs-busy-label";
    label.setAttribute("role", "status");
    label.textContent = `Wordt herberekend (${run.label}); de cijfers hieronder horen bij de vorige instellingen.`;
    root.prepend(label);
  }
  return root;
}

let firstPaint: Promise<void> | undefined;

/**
 * Settles once the browser has painted after the page's first cells ran (the next animation frame, then a task):
 * a page awaits it in the cells below its first chart, so that chart is on screen before they render. Later calls
 * settle at once.
 *
 * @example
 * await afterFirstPaint();
 * display(municipalityTable(ctx, basis, outcome));
 */
export function afterFirstPaint(): Promise<void> {
  firstPaint ??= new Promise((resolve) => {
    if (typeof requestAnimationFrame !== "function") return resolve();
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
  return firstPaint;
}

let firstChart: Promise<void> | undefined;

/** How long afterFirstChart waits for a chart at most: a page whose first view fails still starts its work. */
const FIRST_CHART_TIMEOUT_MS = 10_000;

/**
 * Settles once the page's first chart (an SVG in a figure) is in the document and the browser has painted it, or
 * after 10 s without one. Work the first chart does not need (the worker pool, the tornado's simulations) waits for
 * it, so that work does not compete with the page's own loading for the machine's cores. Later calls settle at once.
 *
 * @example
 * void afterFirstChart().then(() => getEnginePool());
 */
export function afterFirstChart(): Promise<void> {
  firstChart ??= new Promise((resolve) => {
    if (typeof document === "undefined" || typeof MutationObserver !== "function") return resolve();
    const hasChart = (): boolean => document.querySelector("figure.fs-figure svg") !== null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = (): void => {
      observer.disconnect();
      clearTimeout(timer);
      if (typeof requestAnimationFrame !== "function") return resolve();
      requestAnimationFrame(() => setTimeout(resolve, 0));
    };
    const observer = new MutationObserver(() => {
      if (hasChart()) done();
    });
    if (hasChart()) return done();
    observer.observe(document.documentElement, {childList: true, subtree: true});
    timer = setTimeout(done, FIRST_CHART_TIMEOUT_MS);
  });
  return firstChart;
}
