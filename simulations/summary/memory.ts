// Memory for summaries, given back when they are no longer needed and handed out again. A page's worker makes a
// summary of a few megabytes for every request, sends it to the worker that merges, and drops it: in Chromium fresh
// memory costs about 4 ms a megabyte to fault in, and the dropped buffers keep the collector busy on the cores
// the next request needs. Buffers are kept by size class (powers of two), up to a bound; the arrays handed out are
// views from the start of such a buffer, the view zeroed (not the rest of the buffer: never read past a view), and
// the buffer moves with them when a summary is transferred.

const MIN_BYTES = 64;
/** The most bytes kept for reuse; buffers given back beyond it are left to the collector. */
const MAX_KEPT = 32 * 1024 * 1024;

const free = new Map<number, ArrayBuffer[]>();
let kept = 0;

function sizeClass(bytes: number): number {
  let c = MIN_BYTES;
  while (c < bytes) c *= 2;
  return c;
}

function take(bytes: number): ArrayBuffer {
  const c = sizeClass(bytes);
  const buffer = free.get(c)?.pop();
  if (buffer === undefined) return new ArrayBuffer(c);
  kept -= c;
  return buffer;
}

/**
 * `n` zeros as a Float64Array, on a reused buffer when one is free.
 *
 * @example
 * const counts = float64s(500); // counts.buffer may be larger: transfer the buffer, never share it
 */
export function float64s(n: number): Float64Array {
  return new Float64Array(take(8 * n), 0, n).fill(0);
}

/**
 * `n` zeros as an Int32Array, on a reused buffer when one is free.
 *
 * @example
 * const lo = int32s(54);
 */
export function int32s(n: number): Int32Array {
  return new Int32Array(take(4 * n), 0, n).fill(0);
}

/**
 * Gives buffers back for reuse: only buffers of arrays that nothing reads any more (a summary merged and tabled,
 * an array a histogram set has grown out of). Buffers whose size is not a size class (a power of two of at least
 * 64 bytes) are left to the collector.
 *
 * @example
 * giveBack(summaryBuffers(merged)); // once its rows are made
 */
export function giveBack(buffers: Iterable<ArrayBufferLike>): void {
  for (const buffer of buffers) {
    if (!(buffer instanceof ArrayBuffer)) continue;
    const c = buffer.byteLength;
    if (c < MIN_BYTES || (c & (c - 1)) !== 0 || kept + c > MAX_KEPT) continue;
    let list = free.get(c);
    if (list === undefined) free.set(c, (list = []));
    if (list.includes(buffer)) continue;
    list.push(buffer);
    kept += c;
  }
}

/**
 * Bytes kept for reuse (for tests and benchmarks).
 *
 * @example
 * keptBytes(); // 0 before any summary was given back
 */
export function keptBytes(): number {
  return kept;
}
