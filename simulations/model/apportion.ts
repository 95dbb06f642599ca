// Exact integer division of a total by largest remainder (Hamilton's method), so that targets and placements are
// whole people and always add up to the total.

// Scratch for the fractional remainders (the engine calls apportion millions of times; no allocation per call).
let remainders = new Float64Array(16);

/**
 * Divides the integer `total` over the entries in proportion to `weights` by largest remainder: each gets the
 * floor of its quota, and the seats left over go to the largest fractional remainders. Ties are broken
 * deterministically: larger remainder, then larger weight, then lower index (the order of the municipalities in
 * the inputs: by name). Entries with weight 0 get nothing. Writes into `out` (returned) to avoid allocation
 * in the engine loop.
 *
 * @example
 * apportion(10, [1, 1, 1]); // Int32Array [4, 3, 3]
 * apportion(227, [0.5, 0.3, 0.2]); // Int32Array [114, 68, 45]: sums to 227
 */
export function apportion(total: number, weights: ArrayLike<number>, out: Int32Array = new Int32Array(weights.length)): Int32Array {
  if (!Number.isInteger(total) || total < 0) throw new Error(`apportion: total must be a non-negative integer, got ${total}`);
  const n = weights.length;
  const w = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = weights[i]!;
    if (!(x >= 0) || !Number.isFinite(x)) throw new Error(`apportion: weight ${i} must be finite and ≥ 0, got ${x}`);
    w[i] = x;
    sum += x;
  }
  if (total > 0 && !(sum > 0)) throw new Error(`apportion: cannot divide ${total} over weights that sum to 0`);
  apportionInto(total, w, n, out);
  return out;
}

/**
 * `apportion` for the engine's inner loop: no checks (the caller guarantees a non-negative integer total, finite
 * non-negative weights with a positive sum when total > 0) and always a Float64Array, so the engine's calls stay
 * monomorphic. Fills out[0..n).
 *
 * @example
 * apportionInto(10, Float64Array.of(1, 1, 1), 3, new Int32Array(3)); // [4, 3, 3]
 */
export function apportionInto(total: number, weights: Float64Array, n: number, out: Int32Array): Int32Array {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i]!;
  if (total === 0 || !(sum > 0)) {
    for (let i = 0; i < n; i++) out[i] = 0;
    return out;
  }
  if (remainders.length < n) remainders = new Float64Array(n);
  const rems = remainders;
  let given = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    const quota = (total * w) / sum;
    const f = Math.floor(quota);
    out[i] = f;
    // Weight 0 never gets a seat; -1 ranks below every real remainder (which are ≥ 0).
    rems[i] = w > 0 ? quota - f : -1;
    given += f;
  }
  // At most n - 1 seats are left; pick them one by one (n is 8 here, so a scan beats a sort).
  for (let left = total - given; left > 0; left--) {
    let best = -1;
    let bestRem = -1;
    let bestWeight = -1;
    for (let i = 0; i < n; i++) {
      const rem = rems[i]!;
      if (rem < bestRem || rem < 0) continue;
      const w = weights[i]!;
      if (rem > bestRem || w > bestWeight) {
        best = i;
        bestRem = rem;
        bestWeight = w;
      }
    }
    out[best]! += 1;
    rems[best] = -1; // one extra seat each at most
  }
  return out;
}

/**
 * Like `apportion`, but no entry gets more than its bound: what an entry cannot take is divided again over the
 * entries with room left, in proportion to that room. Returns the number that could not be placed anywhere
 * (total − Σ bounds, if positive). `out` receives the shares. Bounds must be integers; entries with weight 0 get
 * nothing; `scratch` arrays, if given, must have the weights' length.
 *
 * @example
 * const out = new Int32Array(2);
 * apportionBounded(10, [1, 1], [3, 100], out); // 0; out = [3, 7]
 */
export function apportionBounded(
  total: number,
  weights: ArrayLike<number>,
  bounds: ArrayLike<number>,
  out: Int32Array,
  scratch: {weights: Float64Array; share: Int32Array} = {weights: new Float64Array(weights.length), share: new Int32Array(weights.length)}
): number {
  const n = weights.length;
  const w = new Float64Array(n);
  const b = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    w[i] = weights[i]!;
    b[i] = bounds[i]!;
  }
  return apportionBoundedInto(total, w, b, n, out, scratch.weights, scratch.share);
}

/**
 * `apportionBounded` for the engine's inner loop: typed arrays only (so its calls stay monomorphic), integer
 * bounds, and the scratch arrays `roundWeights` and `share` (length ≥ n) passed in. Fills out[0..n).
 *
 * @example
 * apportionBoundedInto(10, Float64Array.of(1, 1), Int32Array.of(3, 100), 2, out, new Float64Array(2), new Int32Array(2)); // 0; out = [3, 7]
 */
export function apportionBoundedInto(
  total: number,
  weights: Float64Array,
  bounds: Int32Array,
  n: number,
  out: Int32Array,
  roundWeights: Float64Array,
  share: Int32Array
): number {
  // Enough for every bound: every round-robin of the loop below ends with each entry at its bound (later rounds
  // divide at most the room left by that room, so nobody is clipped and nothing is left over), so skip to that.
  // (Not with a negative bound, which the loop below would take from: the engine's bounds never are.)
  let reachable = 0;
  let negative = false;
  for (let i = 0; i < n; i++) {
    const b = bounds[i]!;
    if (weights[i]! > 0 && b > 0) reachable += b;
    else if (b < 0) negative = true;
  }
  if (total >= reachable && !negative) {
    for (let i = 0; i < n; i++) out[i] = weights[i]! > 0 && bounds[i]! > 0 ? bounds[i]! : 0;
    return total - reachable;
  }
  for (let i = 0; i < n; i++) out[i] = 0;
  let left = total;
  let first = true;
  while (left > 0) {
    let room = 0;
    for (let i = 0; i < n; i++) {
      const headroom = bounds[i]! - out[i]!;
      const w = weights[i]!;
      // First round: the given weights; later rounds: the room each entry has left.
      // Entries with weight 0 never receive anything.
      const x = headroom > 0 && w > 0 ? (first ? w : headroom) : 0;
      roundWeights[i] = x;
      if (x > 0) room += headroom;
    }
    if (room === 0) break;
    const now = Math.min(left, room);
    apportionInto(now, roundWeights, n, share);
    let placed = 0;
    for (let i = 0; i < n; i++) {
      const take = Math.min(share[i]!, bounds[i]! - out[i]!);
      out[i]! += take;
      placed += take;
    }
    left -= placed;
    if (placed === 0 && !first) break;
    first = false;
  }
  return left;
}
