import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { nb } from '../../renderer/src/i18n/nb';

type Tree = { [k: string]: string | Tree };
const leaves = (t: Tree, prefix = ''): Array<[string, string]> =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));

describe('UI texts', () => {
  const nbLeaves = new Map(leaves(nb as Tree));
  const enLeaves = new Map(leaves(en as Tree));

  it('have the same keys in bokmål and English', () => {
    expect([...nbLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it('use the same placeholders in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of enLeaves) expect(vars(nbLeaves.get(key) ?? ''), key).toEqual(vars(text));
  });

  it('are translated, not copied (bar names and short codes)', () => {
    const same = [...enLeaves].filter(([k, v]) => !k.startsWith('sources.kinds.') && v.length > 12 && nbLeaves.get(k) === v).map(([k]) => k);
    expect(same).toEqual([]);
  });
});
