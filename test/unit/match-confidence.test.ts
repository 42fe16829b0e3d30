import { describe, expect, it } from 'vitest';
import type { Subject } from '../../shared/subject';
import { holdsOtherPeople, matchRecord } from '../../electron/core/match/match-record';
import { prepareSubject } from '../../electron/core/match/prepare';

const subject = (s: Partial<Subject>): Subject => ({ names: [], emails: [], phones: [], nationalIds: [], others: [], ...s });
const ase = prepareSubject(
  subject({ names: ['Åse Ødegård-Bakken'], emails: ['aase.oedegaard@gmail.com'], phones: ['913 45 678'], nationalIds: ['15038541215'] }),
);

describe('confidence levels (domain guide, "Confidence")', () => {
  it('high: a strong identifier in the field that holds it, with a numeric score and reasons', () => {
    const m = matchRecord({ fields: { Navn: 'Åse Ødegård-Bakken', 'E-post': 'AASE.OEDEGAARD@gmail.com' } }, ase)!;
    expect(m.confidence).toBe('high');
    expect(m.score).toBeGreaterThanOrEqual(0.9);
    expect(m.reasons).toContain('E-post matched e-mail aase.oedegaard@gmail.com (case-insensitive)');
    expect(m.reasons).toContain('Navn matched name Åse Ødegård-Bakken (exact)');
    expect(m.thirdParty).toBe(false);
  });

  it('medium: the name with the same address; low: the name alone', () => {
    const withAddress = prepareSubject(subject({ names: ['Åse Ødegård-Bakken'], addresses: ['Storgata 12, 9008 Tromsø'] }));
    const supported = matchRecord({ fields: { Navn: 'Åse Ødegård-Bakken', Poststed: 'TROMSØ' } }, withAddress)!;
    expect(supported.confidence).toBe('medium');
    expect(supported.reasons.join(' ')).toContain('Poststed matched the subject’s address');
    const alone = matchRecord({ fields: { Navn: 'Åse Ødegård-Bakken', Poststed: 'Bergen' } }, withAddress)!;
    expect(alone.confidence).toBe('low');
  });

  it('medium: an e-mail made of the name supports a name match when no e-mail was given', () => {
    const nameOnly = prepareSubject(subject({ names: ['Åse Ødegård-Bakken'] }));
    const m = matchRecord({ fields: { Navn: 'Åse Ødegård-Bakken', Epost: 'ase.odegard-bakken@firma.no' } }, nameOnly)!;
    expect(m.confidence).toBe('medium');
    // With no e-mail given, the row's own e-mail is not "someone else's".
    expect(m.thirdParty).toBe(false);
  });

  it('a name in a navn column counts for more than a name in a note', () => {
    const column = matchRecord({ fields: { Navn: 'Åse Ødegård-Bakken' } }, prepareSubject(subject({ names: ['Åse Ødegård-Bakken'] })))!;
    const note = matchRecord({ fields: { Notat: 'Snakket med Åse Ødegård-Bakken' } }, prepareSubject(subject({ names: ['Åse Ødegård-Bakken'] })))!;
    expect(column.confidence).toBe('low');
    expect(note.confidence).toBe('low');
    expect(column.score).toBeGreaterThan(note.score);
  });
});

describe('namesakes and near misses', () => {
  it('same name, different e-mail: low, never high, with the reason', () => {
    const m = matchRecord({ fields: { Navn: 'Åse Ødegård-Bakken', 'E-post': 'ase.bakken@online.no' } }, ase)!;
    expect(m.confidence).toBe('low');
    expect(m.namesake).toBe(true);
    expect(m.reasons).toContain('Name matches but e-mail differs: possibly a namesake, not treated as the subject');
  });

  it('same name, different phone or national ID: low', () => {
    expect(matchRecord({ fields: { Navn: 'Åse Ødegård-Bakken', Mobil: '482 11 334' } }, ase)!.reasons.join()).toContain('phone differs');
    expect(matchRecord({ fields: { Navn: 'Åse Ødegård-Bakken', Fnr: '13097248022' } }, ase)!.reasons.join()).toContain('national ID differs');
  });

  it('a display name equal to the subject next to another address is a namesake', () => {
    const m = matchRecord({ fields: { from: 'Åse Ødegård-Bakken <ase.bakken@online.no>', to: 'support@butikk.no' } }, ase)!;
    expect(m.confidence).toBe('low');
    expect(m.namesake).toBe(true);
  });

  it('a number one digit off, or the name of someone else, is no match', () => {
    expect(matchRecord({ fields: { Navn: 'Ola Hansen', Telefon: '913 45 679' } }, ase)).toBeNull();
    expect(matchRecord({ fields: { Navn: 'Åsa Ødegård', Telefon: '22 33 44 55' } }, ase)).toBeNull();
  });
});

describe('third-party data (Art. 15(4))', () => {
  it('the subject in a note of someone else’s row: medium, thirdParty', () => {
    const m = matchRecord({ fields: { Navn: 'Ola Hansen', 'E-post': 'ola@hansen.no', Notat: 'Kontakt: Åse, tlf 913 45 678' } }, ase)!;
    expect(m.confidence).toBe('medium');
    expect(m.thirdParty).toBe(true);
    expect(m.reasons[0]).toBe('Notat mentions phone 913 45 678 in text (E.164 normalised)');
  });

  it('a mail thread with other people: high for the subject’s address, but thirdParty', () => {
    const m = matchRecord(
      { fields: { from: 'Per Olsen <per.olsen@firma.no>', to: 'aase.oedegaard@gmail.com', cc: 'kundeservice@butikk.no' } },
      ase,
    )!;
    expect(m.confidence).toBe('high');
    expect(m.thirdParty).toBe(true);
  });

  it('company role addresses are not other people', () => {
    const m = matchRecord({ fields: { from: 'aase.oedegaard@gmail.com', to: 'Kundeservice <kundeservice@butikk.no>' } }, ase)!;
    expect(m.thirdParty).toBe(false);
  });

  it('an identifier next to someone else’s name is medium (shared e-mail)', () => {
    const m = matchRecord({ fields: { Navn: 'Ola Hansen', 'E-post': 'aase.oedegaard@gmail.com' } }, ase)!;
    expect(m.confidence).toBe('medium');
    expect(m.thirdParty).toBe(true);
  });

  it('tells whether a row without the subject holds other people (for linked rows)', () => {
    expect(holdsOtherPeople({ fields: { InvoiceId: 98, BillingCity: 'Oslo', Total: 3.98 } }, ase)).toBe(false);
    expect(holdsOtherPeople({ fields: { Kontaktperson: 'Per Olsen', Epost: 'per@firma.no' } }, ase)).toBe(true);
  });
});

describe('column semantics and source hints', () => {
  it('honours kinds hints: an addressHeader match is strong, a text field is a mention', () => {
    const hinted = matchRecord({ fields: { Mottakere: 'aase.oedegaard@gmail.com' }, kinds: { Mottakere: 'addressHeader' } }, ase)!;
    expect(hinted.confidence).toBe('high');
    const text = matchRecord({ fields: { Mottakere: 'aase.oedegaard@gmail.com' }, kinds: { Mottakere: 'text' } }, ase)!;
    expect(text.confidence).toBe('medium');
  });

  it('reads a message body from the text list as free text', () => {
    const m = matchRecord({ fields: { from: 'per@firma.no' }, text: [{ field: 'body', value: 'Åse Ødegård-Bakken ringte' }] }, ase)!;
    expect(m.confidence).toBe('low');
    expect(m.reasons[0]).toBe('body mentions name Åse Ødegård-Bakken (exact)');
  });

  it('reads names in address headers without an address (Exchange X-To) as a display-name match', () => {
    const kean = prepareSubject(subject({ names: ['Steven Kean'], emails: ['skean@enron.com'] }));
    const m = matchRecord(
      { fields: { from: 'jeff.dasovich@enron.com' }, text: [{ field: 'X-To', value: 'Kean, Steven J. </O=ENRON/OU=NA/CN=RECIPIENTS/CN=SKEAN>' }], kinds: { 'X-To': 'addressHeader' } },
      kean,
    )!;
    expect(m.reasons[0]).toBe('X-To names name Steven Kean (surname-first)');
    // Another participant's address is not "her e-mail differs": that needs the same person slot.
    expect(m.namesake).toBe(false);
  });

  it('does not read a company column as a person', () => {
    const nameOnly = prepareSubject(subject({ names: ['Åse Ødegård-Bakken'] }));
    expect(matchRecord({ fields: { Firmanavn: 'Åse Ødegård-Bakken' } }, nameOnly)).toBeNull();
  });
});
