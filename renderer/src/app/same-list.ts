import { useRef } from 'react';

/**
 * `list`, or the array given last time if it holds the same items in the same order, so a
 * memo that depends on it is not recomputed when only its container was made anew (after a
 * review update, 200,000 hits keep their record objects in a new array).
 */
export function useSameList<T>(list: readonly T[]): readonly T[] {
  const last = useRef<readonly T[]>(list);
  if (!sameItems(last.current, list)) last.current = list;
  return last.current;
}

export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
