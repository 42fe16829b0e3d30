import { describe, expect, it } from 'vitest';
import type { Cell } from '../../shared/hit';
import { matchRecord } from '../../electron/core/match/match-record';
import { prefilterTerms } from '../../electron/core/match/prefilter';
import { prepareSubject } from '../../electron/core/match/prepare';

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be reproduced. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const subject = prepareSubject({
  names: ['Åse Ødegård-Bakken', 'Bjorn Haakonsen'],
  emails: ['aase.oedegaard+post@gmail.com'],
  phones: ['+47 913 45 678', '07-98 92 35'],
  nationalIds: ['150385 41215'],
  others: ['K-100234'],
});

const pieces = [
  'Åse', 'ÅSE', 'Aase', 'Ase', 'A\u030Ase', 'Å.', 'Ødegård', 'Oedegaard', 'ÖDEGÅRD', 'Odegard', 'O\u0308degard', 'Bakken', 'BAKKEN',
  'Bjørn', 'Bjoern', 'Björn', 'Håkonsen', 'Haakonsen', 'Hakonsen', ',', '-', ' ', ' ', '\u00A0', '.', 'Marit', 'Hansen',
  'aase.oedegaard@gmail.com', 'AASE.OEDEGAARD+shop@GMAIL.COM', 'aase.oedegaard@gmail.no', '+47', '913', '45', '678', '0047',
  '91345678', '07-98', '92 35', '150385', '41215', 'K-100234', 'k-100234', 'ola@hansen.no', 'Tromsø', 'tlf',
];

describe('prefilterTerms keeps its promise', () => {
  it('every record the matcher accepts contains a text term or, digits only, a digit term', () => {
    const terms = prefilterTerms(subject);
    const rnd = random(20261121);
    const pick = () => pieces[Math.floor(rnd() * pieces.length)];
    let accepted = 0;
    const broken: Array<Record<string, Cell>> = [];
    for (let i = 0; i < 8000; i++) {
      const fields: Record<string, Cell> = {};
      const headers = ['Navn', 'Fornavn', 'Etternavn', 'E-post', 'Telefon', 'Notat', 'Kundenr', 'from', 'Fnr'];
      for (const h of headers) {
        if (rnd() < 0.5) continue;
        const n = 1 + Math.floor(rnd() * 4);
        fields[h] = Array.from({ length: n }, pick).join(rnd() < 0.5 ? ' ' : '');
      }
      const m = matchRecord({ fields }, subject);
      if (!m) continue;
      accepted++;
      const values = Object.values(fields).map((v) => String(v));
      const kept = values.some(
        (v) => terms.text.some((t) => v.toLowerCase().includes(t)) || terms.digits.some((d) => v.replace(/\D+/g, '').includes(d)),
      );
      if (!kept) broken.push(fields);
    }
    expect(broken).toEqual([]);
    // The generator must exercise the matcher, or this test proves nothing.
    expect(accepted).toBeGreaterThan(800);
  });

  it('covers the spellings of the surname, the e-mail with and without +tag, and national numbers', () => {
    const terms = prefilterTerms(subject);
    // Covered: the spelling contains a term (a longer term that contains a shorter one is dropped).
    for (const t of ['ødegård', 'oedegaard', 'odegard', 'bakken', 'haakonsen', 'håkonsen', 'aase.oedegaard@gmail.com', 'aase.oedegaard+tag@gmail.com', 'k-100234']) {
      expect([t, terms.text.some((term) => t.includes(term))]).toEqual([t, true]);
    }
    expect(terms.text.every((t, i) => terms.text.every((u, j) => i === j || !t.includes(u)))).toBe(true);
    expect(terms.digits).toEqual(expect.arrayContaining(['91345678', '07989235', '15038541215']));
    expect(terms.text.every((t) => t === t.toLowerCase())).toBe(true);
  });
});
