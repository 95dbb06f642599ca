// The URL state of the pages: defaults, parsing, writing only what differs, history entries and back/forward.
import {describe, expect, it} from "vitest";
import {codecs, field, readState, urlState, writeSearch, type WindowLike} from "../../src/components/state.ts";

/** A window with a history stack, enough for the state: push, replace, back, forward. */
class FakeWindow implements WindowLike {
  private entries: string[];
  private index = 0;
  private readonly target = new EventTarget();
  constructor(href: string) {
    this.entries = [href];
  }
  get location(): {href: string} {
    return {href: this.entries[this.index]!};
  }
  readonly history = {
    pushState: (_data: unknown, _unused: string, url?: string | URL | null): void => {
      this.entries = [...this.entries.slice(0, this.index + 1), String(url)];
      this.index += 1;
    },
    replaceState: (_data: unknown, _unused: string, url?: string | URL | null): void => {
      this.entries[this.index] = String(url);
    }
  };
  get length(): number {
    return this.entries.length;
  }
  go(delta: number): void {
    this.index += delta;
    this.target.dispatchEvent(new Event("popstate"));
  }
  addEventListener(type: "popstate", listener: () => void): void {
    this.target.addEventListener(type, listener);
  }
  removeEventListener(type: "popstate", listener: () => void): void {
    this.target.removeEventListener(type, listener);
  }
}

/** An input as Observable Inputs make them: a value and "input" events. */
class FakeInput<T> extends EventTarget {
  constructor(public value: T) {
    super();
  }
}

const spec = {
  municipality: field(codecs.text, "regio"),
  metric: field(codecs.oneOf(["placed", "share", "backlog"] as const), "placed"),
  runs: field(codecs.oneOf([1000, 10_000, 50_000]), 10_000),
  seed: field(codecs.integer(0, 1e9), 1, "replace"),
  cap: field(codecs.oneOf([null, 0.12, 0.18]), null),
  own: field(codecs.boolean, false),
  files: field(codecs.list(codecs.text), ["agreed", "immediate"])
};

describe("readState", () => {
  it("gives the defaults for an empty query", () => {
    expect(readState(spec, "")).toEqual({municipality: "regio", metric: "placed", runs: 10_000, seed: 1, cap: null, own: false, files: ["agreed", "immediate"]});
  });

  it("reads every kind of value", () => {
    const state = readState(spec, "?municipality=Eemnes&metric=share&runs=50000&seed=42&cap=0.12&own=1&files=immediate,agreed,fast");
    expect(state).toEqual({municipality: "Eemnes", metric: "share", runs: 50_000, seed: 42, cap: 0.12, own: true, files: ["immediate", "agreed", "fast"]});
  });

  it("falls back to the default for values it does not accept", () => {
    const state = readState(spec, "?metric=nonsense&runs=12345&seed=-3&cap=0.5&own=yes&seed=x");
    expect(state).toMatchObject({metric: "placed", runs: 10_000, seed: 1, cap: null, own: false});
    expect(readState(spec, "?seed=1.5").seed).toBe(1);
    expect(readState(spec, "?seed=2000000000").seed).toBe(1);
  });

  it("reads an empty list and 'geen' for null", () => {
    expect(readState(spec, "?files=&cap=geen")).toMatchObject({files: [], cap: null});
  });
});

describe("writeSearch", () => {
  it("writes only what differs from the defaults and keeps foreign parameters", () => {
    const state = {...readState(spec, ""), seed: 7, metric: "share" as const};
    expect(writeSearch(spec, state, "?other=x&seed=3")).toBe("?other=x&seed=7&metric=share");
    expect(writeSearch(spec, readState(spec, ""), "")).toBe("");
  });

  it("round-trips every value through the address", () => {
    const state = {municipality: "De Bilt", metric: "backlog" as const, runs: 1000, seed: 0, cap: 0.18, own: true, files: ["a", "b"]};
    expect(readState(spec, writeSearch(spec, state))).toEqual(state);
  });
});

describe("UrlState", () => {
  it("starts from the address and writes changes to it", () => {
    const win = new FakeWindow("https://x.test/vergelijken?seed=9#per-gemeente");
    const state = urlState(spec, win);
    expect(state.get().seed).toBe(9);
    state.set({metric: "share"});
    expect(win.location.href).toBe("https://x.test/vergelijken?seed=9&metric=share#per-gemeente");
    expect(win.length).toBe(2);
  });

  it("pushes a history entry for choices and replaces it for typed numbers", () => {
    const win = new FakeWindow("https://x.test/p");
    const state = urlState(spec, win);
    state.set({seed: 5});
    state.set({seed: 55});
    expect(win.length).toBe(1);
    expect(win.location.href).toBe("https://x.test/p?seed=55");
    state.set({municipality: "Baarn"});
    expect(win.length).toBe(2);
    state.set({municipality: "Baarn"}); // no change, no entry
    expect(win.length).toBe(2);
  });

  it("tells listeners what back and forward changed", () => {
    const win = new FakeWindow("https://x.test/p");
    const state = urlState(spec, win);
    const heard: string[][] = [];
    state.subscribe((_s, changed) => heard.push(changed.map(String)));
    state.set({municipality: "Baarn"});
    state.set({metric: "share", runs: 1000});
    win.go(-1);
    expect(state.get()).toMatchObject({municipality: "Baarn", metric: "placed", runs: 10_000});
    win.go(-1);
    expect(state.get().municipality).toBe("regio");
    win.go(2);
    expect(state.get()).toMatchObject({municipality: "Baarn", metric: "share", runs: 1000});
    expect(heard).toEqual([["metric", "runs"], ["municipality"], ["municipality", "metric", "runs"]]);
  });

  it("binds an input: starts at the address, writes its changes, follows back/forward with an input event", () => {
    const win = new FakeWindow("https://x.test/p?metric=share");
    const state = urlState(spec, win);
    const input = state.bind("metric", new FakeInput<"placed" | "share" | "backlog">("placed"));
    expect(input.value).toBe("share");
    const events: string[] = [];
    input.addEventListener("input", () => events.push(input.value));
    input.value = "backlog";
    input.dispatchEvent(new Event("input"));
    expect(win.location.href).toBe("https://x.test/p?metric=backlog");
    win.go(-1);
    expect(input.value).toBe("share");
    expect(events).toEqual(["backlog", "share"]);
    // The event fired by back did not write a new entry.
    expect(win.length).toBe(2);
    expect(win.location.href).toBe("https://x.test/p?metric=share");
  });

  it("binds list inputs by their text, not their identity", () => {
    const win = new FakeWindow("https://x.test/p?files=immediate");
    const state = urlState(spec, win);
    const input = state.bind("files", new FakeInput<string[]>(["agreed", "immediate"]));
    expect(input.value).toEqual(["immediate"]);
    input.value = ["immediate"];
    input.dispatchEvent(new Event("input"));
    expect(win.length).toBe(1);
  });

  it("stops listening after dispose", () => {
    const win = new FakeWindow("https://x.test/p");
    const state = urlState(spec, win);
    state.set({own: true});
    state.dispose();
    win.go(-1);
    expect(state.get().own).toBe(true);
  });
});
