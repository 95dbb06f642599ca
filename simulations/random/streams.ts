// Random streams: one independent generator per (seed, component, run).
// Seeding per run (not per chunk or thread) is what makes results identical whatever the number of workers. Each
// component draws a fixed number of uniforms per run in a fixed order (year, municipality, part) that depends on
// the data only, never on policy: so two scenarios that differ in key, ramp, cap or placement rule see the same
// uniform for every vacancy and inflow count (common random numbers).
import seedrandom from "seedrandom";

/** A source of uniform numbers in [0, 1). */
export type Uniform = () => number;

/** The stochastic components of the model; each has its own stream per run. */
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
 * The streams of one seed and component, with the hash of those two coordinates computed once: a run's stream
 * then costs two mixing rounds and one Alea. Two 32-bit lanes are carried so that a million runs × five
 * components do not collide, as a single 32-bit hash could (birthday bound).
 *
 * @example
 * const streams = new ComponentStreams(1, "vacancies");
 * streams.stream(0)(); // the same as stream(1, "vacancies", 0)()
 */
export class ComponentStreams {
  private readonly a: number;
  private readonly b: number;

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

  /**
   * Writes the state of run r's stream into `into`; `sub` (≥ 1) selects an independent sub-stream of the run, for
   * tools that want one stream per municipality (the engine uses sub 0: one stream per component and run).
   */
  fill(into: AleaState, run: number, sub = 0): AleaState {
    checkRun(run);
    let a = fmix32((Math.imul(this.a ^ run, 0xcc9e2d51) + this.b) >>> 0);
    let b = fmix32((Math.imul((this.b + run) >>> 0, 0x1b873593) ^ a) >>> 0);
    if (sub !== 0) {
      checkRun(sub);
      a = fmix32((Math.imul(a ^ sub, 0xcc9e2d51) + b + 0x9e3779b9) >>> 0);
      b = fmix32((Math.imul((b + sub) >>> 0, 0x1b873593) ^ a) >>> 0);
    }
    const s2 = fmix32((a ^ Math.imul(b, 0x27d4eb2d)) >>> 0);
    into.c = 1;
    into.s0 = a * SCALE;
    into.s1 = b * SCALE;
    into.s2 = s2 * SCALE;
    return into;
  }

  /** Run r's stream (seedrandom's Alea, built from the hashed state). */
  stream(run: number): Uniform {
    this.fill(shared.state, run);
    return alea("", shared);
  }
}

/**
 * Alea's state for one stream, as a hash of the stream's coordinates. Building alea from a state skips its string
 * hashing of the seed (Mash), which costs about 2 µs per stream.
 */
export function streamState(seed: number, component: Component, run: number, sub = 0) {
  return new ComponentStreams(seed, component).fill({c: 1, s0: 0, s1: 0, s2: 0}, run, sub);
}

/**
 * The uniform stream of one component in one run (or, with `municipality`, an independent sub-stream of it, sub
 * municipality + 1; the engine itself uses one stream per component and run), drawn with seedrandom's Alea generator (`seedrandom.alea`: fast,
 * 32-bit resolution per draw, period about 2^116).
 *
 * @example
 * const u = stream(1, "vacancies", 0);
 * u(); // 0.37… — the same number on every machine and in every worker
 */
export function stream(seed: number, component: Component, run: number, municipality?: number): Uniform {
  const streams = new ComponentStreams(seed, component);
  if (municipality === undefined) return streams.stream(run);
  streams.fill(shared.state, run, municipality + 1);
  return alea("", shared);
}
