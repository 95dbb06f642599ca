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

// murmur3's 32-bit finaliser: a cheap bijective mixer with full avalanche.
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Alea's state for one stream, as a hash of the stream's coordinates. Two 32-bit lanes are carried so that a
 * million runs × eight municipalities × five components (4e7 streams) do not collide, as a single 32-bit hash
 * would (birthday bound). Building alea from a state skips its string hashing (Mash), which costs about 2 µs per
 * stream and would dominate a run.
 */
export function streamState(seed: number, component: Component, run: number, municipality: number) {
  return fillState({c: 1, s0: 0, s1: 0, s2: 0}, seed, component, run, municipality);
}

// Writes the state into `into` (alea copies it when it is built, so one object serves every stream).
function fillState(into: AleaState, seed: number, component: Component, run: number, municipality: number): AleaState {
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`seed must be a non-negative integer, got ${seed}`);
  if (!Number.isInteger(run) || run < 0 || run > 0xffffffff) throw new Error(`run must be an integer in [0, 2^32), got ${run}`);
  const c = COMPONENT_INDEX[component];
  if (c === undefined) throw new Error(`unknown random component "${component}"`);
  let a = fmix32((seed >>> 0) ^ 0x243f6a88);
  let b = fmix32(Math.floor(seed / 0x100000000) ^ 0x85a308d3);
  // Absorb the coordinates one by one (unrolled: this runs 16 times per simulated run).
  a = fmix32((Math.imul(a ^ c, 0xcc9e2d51) + b) >>> 0);
  b = fmix32((Math.imul((b + c) >>> 0, 0x1b873593) ^ a) >>> 0);
  a = fmix32((Math.imul(a ^ run, 0xcc9e2d51) + b) >>> 0);
  b = fmix32((Math.imul((b + run) >>> 0, 0x1b873593) ^ a) >>> 0);
  a = fmix32((Math.imul(a ^ municipality, 0xcc9e2d51) + b) >>> 0);
  b = fmix32((Math.imul((b + municipality) >>> 0, 0x1b873593) ^ a) >>> 0);
  const s2 = fmix32((a ^ Math.imul(b, 0x27d4eb2d)) >>> 0);
  const scale = 2.3283064365386963e-10; // 2^-32: alea keeps its state as fractions in [0, 1)
  into.c = 1;
  into.s0 = a * scale;
  into.s1 = b * scale;
  into.s2 = s2 * scale;
  return into;
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
  fillState(shared.state, seed, component, run, municipality);
  return seedrandom.alea("", shared);
}
