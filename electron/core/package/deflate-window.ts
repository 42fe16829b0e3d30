/** The package's deflate level (what `zip -6` and archiver use). */
export const DEFLATE_LEVEL = 6;

/**
 * The smallest deflate window that still spans the whole content (zlib's range is 2^9 to 2^15).
 * The compressed bytes are the same, since no match can reach further back than the content's
 * start anyway, but zlib sets up its window and hash chains for the size it is given: for a
 * 5 kB e-mail a 32 kB window made that set-up about a quarter of the CPU its compression took.
 */
export function windowBitsFor(length: number): number {
  return Math.max(9, Math.min(15, Math.ceil(Math.log2(length + 262))));
}
