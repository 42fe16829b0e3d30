import { describe, expect, it } from 'vitest';
import { compactBuffer } from '../../electron/core/package/compact-buffer';
import { Utf8Pieces } from '../../electron/core/package/utf8-pieces';
import { XmlBytes } from '../../electron/core/package/xml-bytes';
import { escapeXml } from '../../electron/core/package/xlsx-writer';

/** Texts that exercise every branch: ASCII, Latin-1, BMP, astral, lone surrogates, escapes, long ones. */
const samples = [
  '',
  'plain ascii',
  'Åse Ødegård, Tromsø',
  'Sámi: á č đ ŋ š ŧ ž',
  '€ ≠ 漢字',
  'emoji 😀 and 👩‍👩‍👧',
  'lone \ud800 high and \udc00 low, and at the end \ud83d',
  '<a href="x">Tom & Jerry\'s</a> > 1',
  '\t\r\n tabs and breaks ',
  'x'.repeat(70_000),
  '&'.repeat(20_000),
  'ø'.repeat(50_000),
];

describe('XmlBytes (sheet XML as bytes)', () => {
  it('writes exactly what escaping and encoding the strings would, across piece boundaries', () => {
    for (const size of [16, 1000, 256 * 1024]) {
      const out = new XmlBytes(size);
      let expected = '';
      for (let round = 0; round < 3; round++) {
        for (const s of samples) {
          out.ascii('<t a="1">');
          out.text(s);
          out.ascii('</t>');
          expected += `<t a="1">${escapeXml(s)}</t>`;
        }
      }
      const got = Buffer.concat(out.take());
      expect(got.equals(Buffer.from(expected, 'utf8'))).toBe(true);
      expect(out.take()).toEqual([]);
    }
  });

  it('says a piece is full once one is finished, and hands over each piece once', () => {
    const out = new XmlBytes(64);
    out.ascii('a'.repeat(40));
    expect(out.full).toBe(false);
    out.ascii('b'.repeat(40));
    expect(out.full).toBe(true);
    const pieces = out.take();
    expect(Buffer.concat(pieces).toString()).toBe('a'.repeat(40) + 'b'.repeat(40));
    expect(out.full).toBe(false);
  });
});

describe('Utf8Pieces (data.json text as bytes)', () => {
  it('gives the UTF-8 of everything added, in order, whatever the piece size', () => {
    for (const size of [8, 1000, 256 * 1024]) {
      const out = new Utf8Pieces(size);
      const parts: Buffer[] = [];
      let full = false;
      for (const s of [...samples, ...samples]) {
        full = out.add(s) || full;
        if (full) {
          parts.push(...out.take());
          full = false;
        }
      }
      parts.push(...out.take());
      expect(Buffer.concat(parts).equals(Buffer.from([...samples, ...samples].join(''), 'utf8'))).toBe(true);
      for (const p of parts.slice(0, -1)) expect(p.length).toBeGreaterThan(0);
    }
  });
});

describe('compactBuffer', () => {
  it('copies a small view out of a large buffer and keeps a view that fills its buffer', () => {
    const big = Buffer.alloc(1 << 20, 7);
    const view = big.subarray(100, 3100);
    const compact = compactBuffer(view);
    expect(compact.equals(view)).toBe(true);
    expect(compact.buffer.byteLength).toBeLessThan(1 << 20);
    const whole = Buffer.allocUnsafeSlow(50_000).fill(1);
    expect(compactBuffer(whole)).toBe(whole);
  });
});
