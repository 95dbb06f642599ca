// Random streams: one independent generator per (seed, component, run, municipality).
// Seeding per run (not per chunk or thread) is what makes results identical whatever the number of workers, and
// seeding per component is what gives two scenarios common random numbers: a policy change (key, cap, ramp) never
// shifts the vacancy or inflow draws of any run.
import seedrandom from "seedrandom";

/** A source of uniform numbers in [0, 1). */
export type Uniform = () => number;

/** The stochastic components of the model; each has its own stream per run and municipality. */
export const COMPONENTS = ["vacancies", "inflow", "return", "vacancyRate", "inflowRate"] as const;
export type Component = (typeof COMPONENTS)[number];
const COMPONENT_INDEX: Readonly<Record<string, number>> = Object.fromEntries(COMPONENTS.map((c, i) => [c, i]));

type AleaState = {c: number; s0: number; s1: number; s2: number};
// The options object handed to alea for every stream: alea copies the state when it is built.
const shared = {state: {c: 1, s0: 0, s1: 0, s2: 0} as AleaState};
const alea = seedrandom.alea;
const SCALE = 2.3283064365386963e-10; // 2^-32: alea keeps its state as fractions in [0, 1)

// murmur3's 32-bit finaliser: a cheap bijective mixer with full avalanche.
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function checkSeed(seed: number): void {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`seed must be a non-negative integer, got ${seed}`);
}

function checkRun(run: number): void {
  if (!Number.isInteger(run) || run < 0 || run > 0xffffffff) throw new Error(`run must be an integer in [0, 2^32), got ${run}`);
}

function componentIndex(component: Component): number {
  const c = COMPONENT_INDEX[component];
  if (c === undefined) throw new Error(`unknown random component "${component}"`);
  return c;
}

/**
 * The streams of one seed and component, with the hash of those two coordinates computed once: a run then costs
 * two mixing rounds, and each municipality's stream three more (instead of nine per stream). The same numbers as
 * `stream(seed, component, run, municipality)`, bit for bit.
 *
 * @example
 * const streams = new ComponentStreams(1, "vacancies");
 * streams.startRun(0);
 * streams.stream(3)(); // the same as stream(1, "vacancies", 0, 3)()
 */
export class ComponentStreams {
  private readonly a: number;
  private readonly b: number;
  private runA = 0;
  private runB = 0;

  constructor(seed: number, component: Component) {
    checkSeed(seed);
    const c = componentIndex(component);
    let a = fmix32((seed >>> 0) ^ 0x243f6a88);
    let b = fmix32(Math.floor(seed / 0x100000000) ^ 0x85a308d3);
    a = fmix32((Math.imul(a ^ c, 0xcc9e2d51) + b) >>> 0);
    b = fmix32((Math.imul((b + c) >>> 0, 0x1b873593) ^ a) >>> 0);
    this.a = a;
    this.b = b;
  }

  /** Absorbs the run's index; `stream(m)` then gives the run's streams. */
  startRun(run: number): void {
    checkRun(run);
    const a = fmix32((Math.imul(this.a ^ run, 0xcc9e2d51) + this.b) >>> 0);
    this.runB = fmix32((Math.imul((this.b + run) >>> 0, 0x1b873593) ^ a) >>> 0);
    this.runA = a;
  }

  /** Writes the state of municipality m's stream in the current run into `into`. */
  fill(into: AleaState, municipality: number): AleaState {
    const a = fmix32((Math.imul(this.runA ^ municipality, 0xcc9e2d51) + this.runB) >>> 0);
    const b = fmix32((Math.imul((this.runB + municipality) >>> 0, 0x1b873593) ^ a) >>> 0);
    const s2 = fmix32((a ^ Math.imul(b, 0x27d4eb2d)) >>> 0);
    into.c = 1;
    into.s0 = a * SCALE;
    into.s1 = b * SCALE;
    into.s2 = s2 * SCALE;
    return into;
  }

  /** Municipality m's stream in the current run (seedrandom's Alea, built from the hashed state). */
  stream(municipality: number): Uniform {
    this.fill(shared.state, municipality);
    return alea("", shared);
  }
}

/**
 * Alea's state for one stream, as a hash of the stream's coordinates. Two 32-bit lanes are carried so that a
 * million runs × eight municipalities × five components (4e7 streams) do not collide, as a single 32-bit hash
 * would (birthday bound). Building alea from a state skips its string hashing (Mash), which costs about 2 µs per
 * stream and would dominate a run.
 */
export function streamState(seed: number, component: Component, run: number, municipality: number) {
  const streams = new ComponentStreams(seed, component);
  streams.startRun(run);
  return streams.fill({c: 1, s0: 0, s1: 0, s2: 0}, municipality);
}

/**
 * The uniform stream of one component in one run and one municipality, drawn with seedrandom's Alea generator
 * (`seedrandom.alea`: fast, 32-bit resolution per draw, period about 2^116).
 *
 * @example
 * const u = stream(1, "vacancies", 0, 3);
 * u(); // 0.37… — the same number on every machine and in every worker
 */
export function stream(seed: number, component: Component, run: number, municipality: number): Uniform {
  const streams = new ComponentStreams(seed, component);
  streams.startRun(run);
  return streams.stream(municipality);
}
