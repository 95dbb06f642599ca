// Typed page state in the URL's query string, so a view can be shared as a link, survives a reload and follows the
// browser's back and forward buttons. A page declares its inputs once (name, codec, default); the state reads its
// values from the address, writes them on change (only values that differ from the default, so a plain link stays
// plain), and tells listeners when back/forward changes them. Parameters it does not know are left alone, so two
// pieces of a page can each own a few names. Browser-safe, no dependencies; works on any window-like object so the
// unit tests can drive it without a browser.

/** Turns one value into text for the address and back; `parse` answers undefined for text it does not accept. */
export interface Codec<T> {
  parse(text: string): T | undefined;
  format(value: T): string;
}

/** One input in the address: how to encode it, its default, and whether a change adds a history entry. */
export interface Field<T> {
  readonly codec: Codec<T>;
  readonly value: T;
  /** "push" (default): a change is a step that back undoes; "replace": typed values (numbers) that change per key. */
  readonly history?: "push" | "replace";
}

/** A page's inputs by query-parameter name. */
// `any` here: a spec mixes fields of different value types; StateOf recovers each one.
export type Spec = Readonly<Record<string, Field<any>>>;

/** The values a spec describes. */
export type StateOf<S extends Spec> = {-readonly [K in keyof S]: S[K] extends Field<infer T> ? T : never};

/** What the state needs of a browser window (a real `window`, or a fake in tests). */
export interface WindowLike {
  readonly location: {readonly href: string};
  readonly history: {
    pushState(data: unknown, unused: string, url?: string | URL | null): void;
    replaceState(data: unknown, unused: string, url?: string | URL | null): void;
  };
  addEventListener(type: "popstate", listener: () => void): void;
  removeEventListener(type: "popstate", listener: () => void): void;
}

/** An input element whose `value` the page reads (Observable Inputs, or a plain form control). */
export interface InputLike<T> {
  value: T;
  addEventListener(type: "input", listener: () => void): void;
  dispatchEvent(event: Event): boolean;
}

/**
 * Codecs for the usual kinds of input.
 *
 * @example
 * codecs.integer(0, 1e9).parse("42"); // 42
 * codecs.oneOf(["placed", "share"]).parse("backlog"); // undefined
 * codecs.list(codecs.text).format(["agreed", "immediate"]); // "agreed,immediate"
 */
export const codecs = {
  /** Any text. */
  text: {parse: (text: string) => text, format: (value: string) => value} as Codec<string>,
  /** A whole number within [min, max]. */
  integer(min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Codec<number> {
    return {
      parse: (text) => {
        if (!/^-?\d+$/.test(text)) return undefined;
        const n = Number(text);
        return Number.isSafeInteger(n) && n >= min && n <= max ? n : undefined;
      },
      format: (value) => String(value)
    };
  },
  /** A finite number within [min, max]; written as JavaScript writes it ("0.12"). */
  number(min = -Infinity, max = Infinity): Codec<number> {
    return {
      parse: (text) => {
        if (text.trim() === "") return undefined;
        const n = Number(text);
        return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
      },
      format: (value) => String(value)
    };
  },
  /** A yes/no, written "1" or "0". */
  boolean: {
    parse: (text: string) => (text === "1" ? true : text === "0" ? false : undefined),
    format: (value: boolean) => (value ? "1" : "0")
  } as Codec<boolean>,
  /** One of a fixed list of values (strings, numbers or null, compared by their text; null is written "geen"). */
  oneOf<T extends string | number | null>(values: readonly T[]): Codec<T> {
    const text = (value: T): string => (value === null ? "geen" : String(value));
    return {parse: (t) => values.find((v) => text(v) === t), format: text};
  },
  /** A list of values, comma-separated; an item that does not parse makes the whole list invalid. */
  list<T>(item: Codec<T>): Codec<T[]> {
    return {
      parse: (text) => {
        if (text === "") return [];
        const items = text.split(",").map((t) => item.parse(t));
        return items.every((v) => v !== undefined) ? (items as T[]) : undefined;
      },
      format: (value) => value.map((v) => item.format(v)).join(",")
    };
  }
};

/**
 * A field of a spec (a shorthand that keeps the value's type).
 *
 * @example
 * const spec = {seed: field(codecs.integer(0), 1, "replace"), metric: field(codecs.oneOf(["placed", "share"]), "placed")};
 */
export function field<T>(codec: Codec<T>, value: T, history: "push" | "replace" = "push"): Field<T> {
  return {codec, value, history};
}

/**
 * The values of a spec in a query string: each parameter that is present and valid, otherwise the default.
 * Invalid text falls back to the default rather than failing, since links get truncated and edited by hand.
 *
 * @example
 * readState({seed: field(codecs.integer(0), 1)}, "?seed=7"); // {seed: 7}
 */
export function readState<S extends Spec>(spec: S, search: string | URLSearchParams): StateOf<S> {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const state: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(spec)) {
    const text = params.get(name);
    const parsed = text === null ? undefined : f.codec.parse(text);
    state[name] = parsed === undefined ? f.value : parsed;
  }
  return state as StateOf<S>;
}

/**
 * The query string for a state: values equal to their default are left out, parameters outside the spec kept.
 *
 * @example
 * writeSearch({seed: field(codecs.integer(0), 1)}, {seed: 7}, "?tab=2"); // "?tab=2&seed=7"
 */
export function writeSearch<S extends Spec>(spec: S, state: StateOf<S>, search: string | URLSearchParams = ""): string {
  const params = new URLSearchParams(search);
  for (const [name, f] of Object.entries(spec)) {
    const text = f.codec.format(state[name as keyof S]);
    if (text === f.codec.format(f.value)) params.delete(name);
    else params.set(name, text);
  }
  const out = params.toString();
  return out === "" ? "" : `?${out}`;
}

/**
 * A page's state bound to the window's address.
 *
 * @example
 * const state = urlState({municipality: field(codecs.text, "regio"), runs: field(codecs.integer(1), 10_000)});
 * state.get().runs; // 10000, or what the link says
 * state.set({runs: 50_000}); // address becomes ?runs=50000, one step back returns to 10000
 */
export class UrlState<S extends Spec> {
  private readonly listeners = new Set<(state: StateOf<S>, changed: readonly (keyof S)[]) => void>();
  private current: StateOf<S>;

  constructor(
    readonly spec: S,
    private readonly win: WindowLike = window
  ) {
    this.current = readState(spec, new URL(win.location.href).searchParams);
    win.addEventListener("popstate", this.onPopState);
  }

  /** The current values. */
  get(): StateOf<S> {
    return {...this.current};
  }

  /**
   * Changes some values and writes the address. A change of a "push" field adds a history entry (unless `push` says
   * otherwise); changes of "replace" fields only rewrite the current one. Listeners are not told: they hear only of
   * changes that come from the address (back/forward), since the page made this one itself.
   */
  set(patch: Partial<StateOf<S>>, options: {push?: boolean} = {}): void {
    const changed = this.diff({...this.current, ...patch});
    if (changed.length === 0) return;
    this.current = {...this.current, ...patch};
    const push = options.push ?? changed.some((name) => (this.spec[name]!.history ?? "push") === "push");
    const url = new URL(this.win.location.href);
    url.search = writeSearch(this.spec, this.current, url.searchParams);
    if (push) this.win.history.pushState(null, "", url.href);
    else this.win.history.replaceState(null, "", url.href);
  }

  /** Calls `listener` with the new values and the names that changed after back/forward; returns an unsubscribe. */
  subscribe(listener: (state: StateOf<S>, changed: readonly (keyof S)[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Ties an input to one field: the input starts at the field's value, its changes go to the address, and
   * back/forward set it and fire its "input" event (so Framework's `view()` passes the value on). Returns the input.
   *
   * @example
   * const metric = view(state.bind("metric", Inputs.select(["placed", "share"], {label: "Uitkomst"})));
   */
  bind<K extends keyof S, I extends InputLike<StateOf<S>[K]>>(name: K, input: I): I {
    const f = this.spec[name]!;
    const same = (a: StateOf<S>[K], b: StateOf<S>[K]): boolean => f.codec.format(a) === f.codec.format(b);
    if (!same(input.value, this.current[name])) input.value = this.current[name];
    return this.mirror(
      input,
      (value) => this.set({[name]: value} as unknown as Partial<StateOf<S>>),
      (state) => (same(input.value, state[name]) ? undefined : state[name])
    );
  }

  /**
   * Keeps an input and the address in step both ways, for inputs that span several fields (or one): the reader's
   * edits go to `write`; after back/forward, `read` gives the input's new value (undefined: unchanged), which is set
   * and announced with an "input" event that is not written back. Returns the input.
   *
   * @example
   * state.mirror(offers, (value) => state.set(offersToUrl(value)), (values, changed) => (changed.length ? offersFromUrl(values) : undefined));
   */
  mirror<V, I extends InputLike<V>>(input: I, write: (value: V) => void, read: (state: StateOf<S>, changed: readonly (keyof S)[]) => V | undefined): I {
    let applying = false;
    input.addEventListener("input", () => {
      if (!applying) write(input.value);
    });
    this.subscribe((state, changed) => {
      const value = read(state, changed);
      if (value === undefined) return;
      input.value = value;
      applying = true;
      try {
        input.dispatchEvent(new Event("input", {bubbles: true}));
      } finally {
        applying = false;
      }
    });
    return input;
  }

  /** Stops listening to the window (pages never need this; tests do). */
  dispose(): void {
    this.win.removeEventListener("popstate", this.onPopState);
    this.listeners.clear();
  }

  private diff(next: StateOf<S>): (keyof S)[] {
    return Object.keys(this.spec).filter((name) => {
      const c = this.spec[name]!.codec;
      return c.format(next[name as keyof S]) !== c.format(this.current[name as keyof S]);
    }) as (keyof S)[];
  }

  private readonly onPopState = (): void => {
    const next = readState(this.spec, new URL(this.win.location.href).searchParams);
    const changed = this.diff(next);
    this.current = next;
    if (changed.length === 0) return;
    for (const listener of this.listeners) listener(this.get(), changed);
  };
}

/**
 * A page's state bound to the browser window (shorthand for `new UrlState(spec)`).
 *
 * @example
 * const state = urlState({year: field(codecs.integer(2025, 2030), 2027)});
 */
export function urlState<S extends Spec>(spec: S, win?: WindowLike): UrlState<S> {
  return new UrlState(spec, win);
}
