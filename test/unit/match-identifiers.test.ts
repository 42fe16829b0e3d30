import { describe, expect, it } from 'vitest';
import type { Subject } from '../../shared/subject';
import { matchRecord } from '../../electron/core/match/match-record';
import { prepareSubject } from '../../electron/core/match/prepare';

const subject = (s: Partial<Subject>): Subject => ({ names: [], emails: [], phones: [], nationalIds: [], others: [], ...s });
const one = (fields: Record<string, string | number>, s: ReturnType<typeof prepareSubject>) => matchRecord({ fields }, s);

describe('phone normalisation', () => {
  const phone = prepareSubject(subject({ phones: ['+47 913 45 678'] }));

  it('treats +47 913 45 678, 0047 91345678, 913 45 678, 91 34 56 78 and 91345678 as one number', () => {
    for (const v of ['+47 913 45 678', '0047 91345678', '913 45 678', '91 34 56 78', '91345678', '+4791345678']) {
      const m = one({ Telefon: v }, phone);
      expect([v, m?.confidence, m?.reasons[0]]).toEqual([v, 'high', 'Telefon matched phone +47 913 45 678 (E.164 normalised)']);
    }
    expect(one({ Mobil: 91345678 }, phone)?.confidence).toBe('high');
  });

  it('matches whole digit groups only: 91345678 is not inside 913456789 or 191345678', () => {
    for (const v of ['913456789', '191345678', '9134567', 'ID91345678', '91345678x', '91 34 56 789']) {
      expect([v, one({ Notat: `tlf ${v}` }, phone)]).toEqual([v, null]);
    }
    expect(one({ Notat: 'Ring 913 45 678.' }, phone)?.matches[0].value).toBe('913 45 678');
  });

  it('compares old formats digit by digit', () => {
    const old = prepareSubject(subject({ phones: ['07-98 92 35'] }));
    const m = one({ Telefon: '07 98 92 35' }, old);
    expect(m?.reasons[0]).toContain('digit by digit');
    expect(one({ Telefon: '07-98 92 36' }, old)).toBeNull();
  });

  it('recognises foreign numbers with and without the country code', () => {
    const de = prepareSubject(subject({ phones: ['+49 30 0074321'] }));
    expect(one({ Phone: '030-0074321' }, de)?.confidence).toBe('high');
    expect(one({ Phone: '0049 30 0074321' }, de)?.confidence).toBe('high');
  });
});

describe('national ID normalisation', () => {
  const id = prepareSubject(subject({ nationalIds: ['15038541215'] }));

  it('matches 15038541215, 150385 41215 and 150385-41215 and masks the number in the reason', () => {
    for (const v of ['15038541215', '150385 41215', '150385-41215']) {
      const m = one({ Fødselsnummer: v }, id);
      expect([v, m?.confidence]).toEqual([v, 'high']);
      expect(m!.reasons[0]).toBe('Fødselsnummer matched national ID ending in …15 (separators ignored)');
    }
  });

  it('keeps a leading zero a number column lost', () => {
    const zero = prepareSubject(subject({ nationalIds: ['01010100131'] }));
    expect(one({ personnummer: 1010100131 }, zero)?.confidence).toBe('high');
  });

  it('does not match inside a longer number', () => {
    expect(one({ Notat: 'ref 150385412150' }, id)).toBeNull();
  });
});

describe('e-mail normalisation', () => {
  const mail = prepareSubject(subject({ emails: ['Kari.Nordmann@Example.no'] }));

  it('compares case-insensitively', () => {
    expect(one({ 'E-post': 'kari.nordmann@example.NO' }, mail)?.reasons[0]).toBe('E-post matched e-mail Kari.Nordmann@Example.no (case-insensitive)');
  });

  it('folds +tag sub-addresses and names the folding', () => {
    expect(one({ Epost: 'kari.nordmann+butikk@example.no' }, mail)?.reasons[0]).toContain('+tag sub-address folded');
    const tagged = prepareSubject(subject({ emails: ['kari+x@example.no'] }));
    expect(one({ Epost: 'kari@example.no' }, tagged)?.confidence).toBe('high');
  });

  it('does not match a longer address', () => {
    for (const v of ['ukari.nordmann@example.no', 'kari.nordmann@example.no.evil.com', 'kari.nordmann2@example.no']) {
      expect([v, one({ Epost: v }, mail)]).toEqual([v, null]);
    }
  });

  it('finds the address in an RFC 5322 header with a display name', () => {
    const m = one({ from: '"Nordmann, Kari" <KARI.NORDMANN@example.no>' }, mail);
    expect(m?.confidence).toBe('high');
  });
});

describe('other identifiers (exact tokens)', () => {
  const other = prepareSubject(subject({ others: ['K-100234', '10.0.0.1'] }));

  it('matches a whole field exactly, and in text only as a whole token', () => {
    expect(one({ Kundenr: 'k-100234' }, other)?.confidence).toBe('high');
    expect(one({ Kundenr: 'K-1002345' }, other)).toBeNull();
    expect(one({ Logg: 'innlogging fra 10.0.0.1, ok' }, other)?.confidence).toBe('medium');
    expect(one({ Logg: 'innlogging fra 10.0.0.12' }, other)).toBeNull();
  });
});
