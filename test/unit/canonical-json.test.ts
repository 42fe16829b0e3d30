import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { canonicalJson, sha256Hex } from '../../electron/core/cases/canonical-json';
import { Rng } from '../bench/perf/data/rng';

/**
 * The first implementation, kept here as the reference: stored snapshot hashes and the audit
 * trail's hash chain were computed with its output, so the faster one must agree byte for byte.
 */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError('canonicalJson: value cannot be written as JSON');
    return text;
  }
  if (Array.isArray(value)) return `[${value.map((v) => reference(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
}

const PIECES = ['a', 'Æøå', '"', '\\', '\n', '\u0000', '\u001f', '\u007f', '\u2028', '\ud83d\ude00', '\ud800', '\udfff', 'key', '10', '2', '', ' ', 'é', '\t'];

function value(r: () => number, depth: number): unknown {
  const pick = Math.floor(r() * (depth > 3 ? 6 : 9));
  const text = () => Array.from({ length: Math.floor(r() * 4) }, () => PIECES[Math.floor(r() * PIECES.length)]).join('');
  switch (pick) {
    case 0: return null;
    case 1: return r() < 0.5;
    case 2: return [0, -0, 1.5, -3, 1e21, 1e-7, NaN, Infinity, 2 ** 53 + 1][Math.floor(r() * 9)];
    case 3:
    case 4: return text();
    case 5: return Math.floor(r() * 1000);
    case 6: return Array.from({ length: Math.floor(r() * 4) }, () => (r() < 0.1 ? undefined : value(r, depth + 1)));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = Math.floor(r() * 5); i > 0; i--) o[text()] = r() < 0.1 ? undefined : value(r, depth + 1);
      return o;
    }
  }
}

describe('canonical JSON', () => {
  it('writes exactly what the first implementation wrote, for 20,000 random values with tricky text', () => {
    const rng = new Rng(15);
    const r = () => rng.next();
    for (let i = 0; i < 20_000; i++) {
      const v = value(r, 0);
      expect(canonicalJson(v), JSON.stringify(v)).toBe(reference(v));
    }
  });

  it('hashes the UTF-8 bytes of the text as SHA-256 in hex, as stored hashes were made', () => {
    for (const text of ['', 'abc', '{"navn":"Åse Ødegård"}', '\ud83d\ude00 \u2028']) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('sorts keys, drops undefined members, writes undefined array items as null, and refuses what JSON cannot hold', () => {
    expect(canonicalJson({ b: 1, a: [undefined, 'x'], c: undefined, 10: true, 9: false })).toBe('{"10":true,"9":false,"a":[null,"x"],"b":1}');
    expect(canonicalJson({ d: new Date(0) })).toBe(reference({ d: new Date(0) }));
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson(1n)).toThrow(TypeError);
  });
});
