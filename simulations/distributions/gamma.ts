import type {Uniform} from "../random/streams.ts";

// A standard normal from two uniforms (Box-Muller); 1 - u keeps the logarithm finite since u ∈ [0, 1).
function normal(random: Uniform): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * A Gamma(shape, rate) draw (mean shape/rate), by Marsaglia and Tsang's squeeze method (2000); shape < 1 by the
 * boost Gamma(a) = Gamma(a + 1)·U^(1/a). Rejection uses a variable number of uniforms, so give it a stream of
 * its own: the engine draws each run's rates from the "vacancyRate" and "inflowRate" streams.
 *
 * @example
 * gamma(4, 2, stream(1, "vacancyRate", 0, 0)); // about 2 on average
 */
export function gamma(shape: number, rate: number, random: Uniform): number {
  if (!(shape > 0) || !(rate > 0) || !Number.isFinite(shape) || !Number.isFinite(rate)) {
    throw new Error(`Gamma needs finite shape > 0 and rate > 0, got shape ${shape}, rate ${rate}`);
  }
  if (shape < 1) return gamma(shape + 1, rate, random) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (u < 1 - 0.0331 * x * x * x * x) return (d * v) / rate;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return (d * v) / rate;
  }
}
