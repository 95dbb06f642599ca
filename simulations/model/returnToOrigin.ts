// Instroom = uitstroom: people leaving care return to their municipality of origin and are housed there first.

/**
 * Houses returners in their municipality of origin, those who waited first, up to its capacity. Updates
 * `waiting` (returners' backlog by origin) and `capacityLeft` in place and writes the number housed per
 * municipality to `placed`. Who cannot be housed at home this year keeps waiting there: the rule says they return
 * to their own municipality, so capacity elsewhere is not offered to them.
 *
 * @example
 * const waiting = Int32Array.of(2, 0), cap = Int32Array.of(5, 1), placed = new Int32Array(2);
 * placeReturners(Int32Array.of(4, 3), waiting, cap, placed); // placed [5, 1], waiting [1, 2], cap [0, 0]
 */
export function placeReturners(returners: Int32Array, waiting: Int32Array, capacityLeft: Int32Array, placed: Int32Array): void {
  for (let m = 0; m < returners.length; m++) {
    const want = waiting[m]! + returners[m]!;
    const take = Math.min(want, capacityLeft[m]!);
    placed[m] = take;
    waiting[m] = want - take;
    capacityLeft[m]! -= take;
  }
}
