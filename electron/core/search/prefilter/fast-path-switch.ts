/**
 * The fast paths are on unless INNSYN_FAST_PATH=off. The switch exists so the benchmark and
 * the equivalence tests can run the simple path in the same build, and so a user who meets a
 * fast-path bug can get correct results at once while it is fixed.
 */
export function fastPathsEnabled(): boolean {
  return process.env.INNSYN_FAST_PATH !== 'off';
}
