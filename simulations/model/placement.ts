// Step 3 of a run: who is housed where, and whose residents they are (the origin × host flows).
//
// Two readings of the agreement (scenario field `placement`):
// - "obligation" (default): urgent seekers are housed; the targets say where. Returners at home first
//   (instroom = uitstroom), then the regional pool by the room the targets leave, then beyond the targets by the
//   key's shares, always within capacity (cap × suitable lettings). People wait only where capacity binds.
//   `spillOver` here: returners who do not fit at home join the pool (housed elsewhere) instead of waiting at home.
// - "ceiling": the targets are ceilings for the pool; who does not fit within them waits. `spillOver` here: who is
//   left goes to municipalities with capacity left, in proportion to it (the earlier model's option).
// In both, pool members of a group in `notHousedAtHome` (victims of domestic violence) are never housed in their
// municipality of origin.
import {apportionBoundedInto} from "./apportion.ts";

export type PlacementRule = "obligation" | "ceiling";

/**
 * The placement of one run, year by year, with the waiting lists by origin carried between years. All arrays are
 * per municipality (the inputs' order); flows are origin-major: flow[o * M + h] = people of origin o housed in h.
 *
 * @example
 * const p = new Placement(8, "obligation", false, keyShares);
 * p.reset(initialHome, initialPool);
 * p.year(returners, poolAny, poolNotHome, capacity, targets, flow, 0, placed, byOrigin);
 */
export class Placement {
  /** Returners waiting at home, by origin. */
  readonly waitHome: Int32Array;
  /** Pool members waiting, who may be housed anywhere, by origin. */
  readonly waitAny: Int32Array;
  /** Pool members waiting, who may not be housed in their municipality of origin, by origin. */
  readonly waitNotHome: Int32Array;
  private readonly homeTaken: Int32Array;
  private readonly slots: Int32Array;
  private readonly extra: Int32Array;
  private readonly bound: Int32Array;
  private readonly weights: Float64Array;
  private readonly roundWeights: Float64Array;
  private readonly share: Int32Array;
  private readonly unfilled: Int32Array;

  constructor(
    private readonly M: number,
    private readonly rule: PlacementRule,
    private readonly spill: boolean,
    private readonly keyShare: Float64Array
  ) {
    const i32 = () => new Int32Array(M);
    this.waitHome = i32();
    this.waitAny = i32();
    this.waitNotHome = i32();
    this.homeTaken = i32();
    this.slots = i32();
    this.extra = i32();
    this.bound = i32();
    this.share = i32();
    this.unfilled = i32();
    this.weights = new Float64Array(M);
    this.roundWeights = new Float64Array(M);
  }

  /** Starts a run: returners waiting at home and pool members waiting (housable anywhere), by origin. */
  reset(home: ArrayLike<number>, pool: ArrayLike<number>): void {
    for (let m = 0; m < this.M; m++) {
      this.waitHome[m] = home[m]!;
      this.waitAny[m] = pool[m]!;
      this.waitNotHome[m] = 0;
    }
  }

  /**
   * One year. `newAny` and `newNotHome` are this year's pool members by origin; `capacity` (consumed) is what each
   * municipality can house; `target` the year's targets. Writes the flows (all M × M entries, from `at`; with `zeroed` the caller has zeroed them), placements by host
   * and by origin; the waiting lists are updated.
   */
  year(
    returners: Int32Array,
    newAny: Int32Array,
    newNotHome: Int32Array,
    capacity: Int32Array,
    target: Int32Array,
    flow: Int32Array,
    at: number,
    placed: Int32Array,
    byOrigin: Int32Array,
    zeroed = false
  ): void {
    const M = this.M;
    const obligation = this.rule === "obligation";
    const {waitHome, waitAny, waitNotHome, homeTaken, slots, extra, bound, weights} = this;
    if (!zeroed) for (let i = 0; i < M * M; i++) flow[at + i] = 0;

    // 1. Returners at home (those who waited first), up to capacity.
    let total = 0;
    for (let m = 0; m < M; m++) {
      const want = waitHome[m]! + returners[m]!;
      const take = want < capacity[m]! ? want : capacity[m]!;
      homeTaken[m] = take;
      flow[at + m * M + m] = take;
      placed[m] = take;
      capacity[m]! -= take;
      const rest = want - take;
      if (obligation && this.spill) {
        waitAny[m]! += rest; // they join the pool's backlog: housed elsewhere this year if anywhere has room
        waitHome[m] = 0;
      } else waitHome[m] = rest;
      const pool = waitAny[m]! + waitNotHome[m]! + newAny[m]! + newNotHome[m]!;
      // Housed by origin, finished in step 6: at home now, plus by how much the origin's pool shrinks.
      byOrigin[m] = take + pool;
      total += pool;
    }

    if (total > 0) {
      // 2. The pool by the targets' room. A host never gets more than the pool members it may house (everyone
      // but its own not-at-home members): with that bound every host's slots can be filled (Hall's condition).
      for (let h = 0; h < M; h++) {
        const room = target[h]! - homeTaken[h]!;
        weights[h] = room > 0 ? room : 0;
        const allowed = total - waitNotHome[h]! - newNotHome[h]!;
        let b = weights[h]!;
        if (capacity[h]! < b) b = capacity[h]!;
        if (allowed < b) b = allowed;
        bound[h] = b;
      }
      let left = apportionBoundedInto(total, weights, bound, M, slots, this.roundWeights, this.share);
      // 3. Beyond the targets: by the key's shares (obligation), or by capacity left (ceiling with spill-over).
      if (left > 0 && (obligation || this.spill)) {
        for (let h = 0; h < M; h++) {
          const capLeft = capacity[h]! - slots[h]!;
          const allowed = total - waitNotHome[h]! - newNotHome[h]! - slots[h]!;
          bound[h] = capLeft < allowed ? capLeft : allowed;
          weights[h] = obligation ? this.keyShare[h]! : capLeft;
        }
        left = apportionBoundedInto(left, weights, bound, M, extra, this.roundWeights, this.share);
        for (let h = 0; h < M; h++) slots[h]! += extra[h]!;
        // A municipality with no weight in the key still houses who would otherwise wait (obligation).
        if (left > 0 && obligation) {
          for (let h = 0; h < M; h++) {
            const capLeft = capacity[h]! - slots[h]!;
            const allowed = total - waitNotHome[h]! - newNotHome[h]! - slots[h]!;
            bound[h] = capLeft < allowed ? capLeft : allowed;
            weights[h] = bound[h]! > 0 ? bound[h]! : 0;
          }
          apportionBoundedInto(left, weights, bound, M, extra, this.roundWeights, this.share);
          for (let h = 0; h < M; h++) slots[h]! += extra[h]!;
        }
      }
      // 4. Whose residents fill each host's slots: those who waited first, then this year's, in proportion to
      // their numbers by origin (systematic rounding); within an origin the not-at-home members first (they have
      // fewer places to go).
      // The totals of both parts are carried along, so that an empty part costs nothing.
      let waiting = 0;
      for (let m = 0; m < M; m++) waiting += waitAny[m]! + waitNotHome[m]!;
      let fresh = total - waiting;
      for (let h = 0; h < M; h++) {
        const s = slots[h]!;
        if (s === 0) {
          this.unfilled[h] = 0;
          continue;
        }
        capacity[h]! -= s;
        const fromWaiting = waiting > 0 ? fill(M, h, s, waiting - waitNotHome[h]!, waitAny, waitNotHome, flow, at, placed) : 0;
        waiting -= fromWaiting;
        const fromNew = s > fromWaiting && fresh > 0 ? fill(M, h, s - fromWaiting, fresh - newNotHome[h]!, newAny, newNotHome, flow, at, placed) : 0;
        fresh -= fromNew;
        this.unfilled[h] = s - fromWaiting - fromNew;
      }
      // 5. A host left with slots only its own not-at-home members could fill: swap with another host (one of
      // that host's pool members moves here, one of ours goes there). Rare; keeps the bound of step 2 exact.
      for (let h = 0; h < M; h++) {
        while (this.unfilled[h]! > 0 && waitNotHome[h]! + newNotHome[h]! > 0) {
          if (!swap(M, h, flow, at)) break;
          placed[h]! += 1;
          if (waitNotHome[h]! > 0) waitNotHome[h]! -= 1;
          else newNotHome[h]! -= 1;
          this.unfilled[h]! -= 1;
        }
        capacity[h]! += this.unfilled[h]!;
      }
    }

    // 6. Who is still in the pool waits.
    for (let m = 0; m < M; m++) {
      byOrigin[m]! -= waitAny[m]! + waitNotHome[m]! + newAny[m]! + newNotHome[m]!;
      waitAny[m]! += newAny[m]!;
      waitNotHome[m]! += newNotHome[m]!;
      newAny[m] = 0;
      newNotHome[m] = 0;
    }
  }
}

// Fills up to s slots of host h from one part of the pool (waiting or new), of whom `sum` may be housed in h (all
// but h's own not-at-home members); returns how many were housed. Adds them to the flows and to the placements by
// host (those by origin follow from the pool's shrinking, in step 6).
function fill(
  M: number,
  h: number,
  s: number,
  sum: number,
  any: Int32Array,
  notHome: Int32Array,
  flow: Int32Array,
  at: number,
  placed: Int32Array
): number {
  if (sum === 0) return 0;
  if (sum <= s) {
    for (let o = 0; o < M; o++) {
      const k = any[o]! + (o !== h ? notHome[o]! : 0);
      if (k === 0) continue;
      flow[at + o * M + h]! += k;
      any[o] = 0;
      if (o !== h) notHome[o] = 0;
    }
    placed[h]! += sum;
    return sum;
  }
  // Systematic rounding of the quotas s·e[o]/sum along the origins (offset ½), e[o] being who of origin o may be
  // housed in h: each origin gets its quota rounded down or up, never more than it has, and the shares add up to s
  // exactly (the last cumulative quota is sum·s/sum, within far less than ½ of s); O(M), no sorting. Without
  // branches on k: an origin whose share rounds to 0 adds 0 (a skip mispredicts about as often as it is taken).
  const scale = s / sum;
  let cum = 0;
  let prev = 0;
  for (let o = 0; o < M; o++) {
    const away = o !== h ? notHome[o]! : 0;
    cum += any[o]! + away;
    const next = Math.floor(cum * scale + 0.5);
    const k = next - prev;
    prev = next;
    const nh = away < k ? away : k;
    notHome[o]! -= nh;
    any[o]! -= k - nh;
    flow[at + o * M + h]! += k;
  }
  placed[h]! += s;
  return s;
}

// Moves one pool member of some origin o (o ≠ h, housed in g ≠ h, o ≠ g) from g to h, freeing a slot in g for a
// not-at-home member of origin h. Returns false if there is none to move.
function swap(M: number, h: number, flow: Int32Array, at: number): boolean {
  for (let g = 0; g < M; g++) {
    if (g === h) continue;
    for (let o = 0; o < M; o++) {
      if (o === h || o === g || flow[at + o * M + g]! === 0) continue;
      flow[at + o * M + g]! -= 1;
      flow[at + o * M + h]! += 1;
      flow[at + h * M + g]! += 1;
      return true;
    }
  }
  return false;
}
