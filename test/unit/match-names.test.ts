import { describe, expect, it } from 'vitest';
import type { Subject } from '../../shared/subject';
import { matchRecord } from '../../electron/core/match/match-record';
import { prepareSubject } from '../../electron/core/match/prepare';

const subject = (s: Partial<Subject>): Subject => ({ names: [], emails: [], phones: [], nationalIds: [], others: [], ...s });
const ase = prepareSubject(subject({ names: ['Åse Ødegård-Bakken'] }));
const inNavn = (value: string, s = ase) => matchRecord({ fields: { Navn: value } }, s);

describe('name normalisation (Norwegian spellings)', () => {
  it('ignores case, extra whitespace and non-breaking spaces', () => {
    for (const v of ['ÅSE ØDEGÅRD-BAKKEN', '  åse   ødegård-bakken ', 'Åse\u00A0Ødegård-Bakken']) {
      expect([v, inNavn(v)?.matches[0]?.kind]).toEqual([v, 'name']);
    }
    expect(inNavn('ÅSE ØDEGÅRD-BAKKEN')!.reasons[0]).toContain('case-insensitive');
  });

  it('folds æ/ae, ø/oe/o and å/aa/a in both directions and says so', () => {
    for (const v of ['Aase Oedegaard-Bakken', 'Ase Odegard-Bakken', 'Åse Ödegård-Bakken', 'Aase Ødegaard-Bakken']) {
      const m = inNavn(v);
      expect([v, m?.reasons[0]]).toEqual([v, expect.stringContaining('æøå folded')]);
    }
    const ascii = prepareSubject(subject({ names: ['Bjorn Haakonsen'] }));
    expect(inNavn('Bjørn Håkonsen', ascii)).not.toBeNull();
    const ae = prepareSubject(subject({ names: ['Tor Sæther'] }));
    expect(inNavn('Tor Saether', ae)).not.toBeNull();
  });

  it('drops other diacritics, including Sámi letters', () => {
    const sami = prepareSubject(subject({ names: ['Máret Ánde Šimma-Ŋuolja'] }));
    const m = inNavn('Maret Ande Simma-Nuolja', sami);
    expect(m?.reasons[0]).toContain('diacritics folded');
    for (const [given, written] of [['Čoarvi Đuođa', 'Coarvi Duoda'], ['René Müller', 'Rene Muller'], ['Ŧeahkká Žiiŋŋa', 'Teahkka Ziiŋŋa']]) {
      expect([given, inNavn(written, prepareSubject(subject({ names: [given] })))?.matches[0]?.kind]).toEqual([given, 'name']);
    }
  });

  it('reads "SURNAME, Given" and "Surname Given" order', () => {
    const m = inNavn('ØDEGÅRD-BAKKEN, Åse');
    expect(m?.reasons[0]).toMatch(/surname-first/);
    expect(inNavn('Ødegård-Bakken Åse')?.reasons[0]).toMatch(/surname-first/);
    const commaSubject = prepareSubject(subject({ names: ['Ødegård-Bakken, Åse'] }));
    expect(inNavn('Åse Ødegård-Bakken', commaSubject)).not.toBeNull();
  });

  it('treats hyphenated and spaced double surnames alike; one part alone is weaker', () => {
    expect(inNavn('Åse Ødegård Bakken')!.score).toBe(inNavn('Åse Ødegård-Bakken')!.score);
    const part = inNavn('Åse Bakken')!;
    expect(part.reasons[0]).toContain('one part of a double surname');
    expect(part.score).toBeLessThan(inNavn('Åse Ødegård-Bakken')!.score);
  });

  it('accepts initials and middle names the DPO did not give, as weaker matches', () => {
    const initial = inNavn('Å. Ødegård-Bakken')!;
    expect(initial.reasons[0]).toContain('initial');
    expect(inNavn('A. Odegaard-Bakken')).not.toBeNull();
    expect(inNavn('Åse Marit Ødegård-Bakken')!.reasons[0]).toContain('middle name');
    const twoGiven = prepareSubject(subject({ names: ['Kari Anne Nordmann'] }));
    expect(inNavn('Kari A. Nordmann', twoGiven)).not.toBeNull();
    expect(inNavn('Kari Nordmann', twoGiven)).not.toBeNull();
  });

  it('does not match other people or words inside longer words', () => {
    for (const v of ['Åse Ødegård-Bakkensen', 'Åsne Ødegård-Bakken', 'Per Ødegård-Bakken', 'Ødegård-Bakken AS', 'Bakken']) {
      expect([v, inNavn(v)]).toEqual([v, null]);
    }
  });

  it('finds the name split over FirstName and LastName columns', () => {
    const m = matchRecord({ fields: { FirstName: 'Aase', LastName: 'Ødegård-Bakken', Company: 'Ødegård-Bakken AS' } }, ase)!;
    expect(m.reasons[0]).toMatch(/^FirstName \+ LastName matched name Åse Ødegård-Bakken \(.*split over columns\)$/);
    expect(m.matches.map((x) => x.field)).toEqual(['FirstName', 'LastName']);
  });

  it('finds the name in free text on word boundaries, in either order', () => {
    const note = (value: string) => matchRecord({ fields: { Notat: value } }, ase);
    expect(note('Ringte Åse Ødegård-Bakken i dag')?.reasons[0]).toMatch(/^Notat mentions name/);
    expect(note('Kunde: ØDEGÅRD-BAKKEN, Åse')?.reasons[0]).toContain('surname-first');
    // The match quotes the record as written, not the subject's spelling.
    expect(note('Kunde: ØDEGÅRD-BAKKEN, Åse.')?.matches[0].value).toBe('ØDEGÅRD-BAKKEN, Åse');
    expect(note('hilsen Aase Marit Oedegaard-Bakken')?.matches[0].value).toBe('Aase Marit Oedegaard-Bakken');
    expect(note('xÅse Ødegård-Bakken')).toBeNull();
    expect(note('møtte Ødegård-Bakken i går')).toBeNull();
  });
});
