import { describe, expect, it } from 'vitest';
import { matchRecord, type MatchInput } from '../../electron/core/match/match-record';
import { prepareSubject } from '../../electron/core/match/prepare';
import { selectHits, type Selection } from '../../electron/core/package/included';
import type { Hit } from '../../shared/hit';
import { ReasonSchema, type Reason } from '../../shared/reason';
import { describeReason, fillFrom, reasonsIn } from '../../shared/reason-text';
import { reasonTexts } from '../../shared/reason-texts';

/** The included hits as the writers get them: read again from the feed, redacted, in the package language. */
const inPackage = (s: Selection) => [...s.read(s.included)];

const subject = prepareSubject({
  names: ['Åse Ødegård-Bakken'],
  emails: ['ase.bakken@example.no'],
  phones: ['+47 913 45 678'],
  nationalIds: [],
  others: [],
});
const match = (fields: MatchInput['fields']) => matchRecord({ fields }, subject);

/** One of every reason the core can give, so no code is left without words. */
const everyReason: Reason[] = [
  { code: 'identifier', field: 'Epost', kind: 'email', given: 'a@b.no', how: 'caseInsensitive', inText: false },
  { code: 'identifier', field: 'Notat', kind: 'phone', given: '+47 913 45 678', how: 'e164', inText: true },
  { code: 'name', field: 'Navn', given: 'Åse Ødegård-Bakken', place: 'field', how: { nordic: true } },
  { code: 'name', field: 'Fornavn', field2: 'Etternavn', given: 'Åse Ødegård-Bakken', place: 'field', how: {} },
  { code: 'name', field: 'From', given: 'Åse Ødegård-Bakken', place: 'displayName', how: { surnameFirst: true } },
  { code: 'name', field: 'X-To', given: 'Åse Ødegård-Bakken', place: 'namesList', how: {} },
  { code: 'name', field: 'Body', given: 'Åse Ødegård-Bakken', place: 'text', how: { initial: true, partialSurname: true } },
  { code: 'linked', parent: 'shop-1', via: 'ordre.kunde_id → kunde.id' },
  { code: 'othersInRecord' },
  { code: 'otherNameInRecord', fields: ['Navn', 'Kontakt'] },
  { code: 'alsoDifferent', kinds: ['email', 'phone'] },
  { code: 'mentionOnly' },
  { code: 'namesake', kinds: ['email'] },
  { code: 'namesake', kinds: ['email', 'nationalId'] },
  { code: 'sameAddress', field: 'Adresse', words: 1 },
  { code: 'sameAddress', field: 'Adresse', words: 3 },
  { code: 'emailOfSurname' },
  { code: 'nameSupported' },
  { code: 'nameOnly' },
];

describe('match reasons as data', () => {
  it('gives the evidence as data next to the English sentence, and both say the same', () => {
    const m = match({ Navn: 'ASE ODEGARD-BAKKEN', Telefon: '913 45 678' });
    expect(m?.why).toEqual([
      { code: 'identifier', field: 'Telefon', kind: 'phone', given: '+47 913 45 678', how: 'e164', inText: false },
      { code: 'name', field: 'Navn', given: 'Åse Ødegård-Bakken', place: 'field', how: { caseDiffers: true, nordic: true } },
    ]);
    expect(m?.reasons).toEqual([
      'Telefon matched phone +47 913 45 678 (E.164 normalised)',
      'Navn matched name Åse Ødegård-Bakken (case-insensitive, æøå folded)',
    ]);
    expect(reasonsIn(m!.why, 'nb')).toEqual([
      'Telefon samsvarte med telefonnummer +47 913 45 678 (normalisert til E.164)',
      'Navn samsvarte med navnet Åse Ødegård-Bakken (uavhengig av store og små bokstaver, æøå-skrivemåter likestilt)',
    ]);
  });

  it('keeps the verdicts as codes: a namesake, a name only, a split name', () => {
    expect(match({ Navn: 'Åse Ødegård-Bakken', Epost: 'someone.else@example.no' })?.why).toContainEqual({ code: 'namesake', kinds: ['email'] });
    expect(match({ Navn: 'Åse Ødegård-Bakken' })?.why?.at(-1)).toEqual({ code: 'nameOnly' });
    const split = match({ FirstName: 'Åse', LastName: 'Ødegård-Bakken' });
    expect(split?.reasons[0]).toBe('FirstName + LastName matched name Åse Ødegård-Bakken (split over columns)');
    expect(reasonsIn(split!.why, 'nb')[0]).toBe('FirstName + LastName samsvarte med navnet Åse Ødegård-Bakken (fordelt på to kolonner)');
  });

  it('every reason the matcher gives is valid against the contract schema', () => {
    const records: Array<MatchInput['fields']> = [
      { Navn: 'Åse Ødegård-Bakken', Epost: 'ASE.BAKKEN+shop@example.no' },
      { Notat: 'Ring Åse på 91345678', Kontakt: 'Per Hansen' },
      { Navn: 'Per Hansen', Telefon: '+47 913 45 678' },
      { Navn: 'Å. Bakken', Adresse: 'Storgata 1' },
    ];
    for (const r of records) for (const why of match(r)?.why ?? []) expect(ReasonSchema.safeParse(why).success, JSON.stringify(why)).toBe(true);
  });

  it('words every reason code in both languages, with every placeholder filled and Norwegian that is not English', () => {
    const en = fillFrom('en');
    const nb = fillFrom('nb');
    for (const r of everyReason) {
      const [e, n] = [describeReason(r, en), describeReason(r, nb)];
      expect(e, r.code).not.toMatch(/\{\{|\}\}|undefined/);
      expect(n, r.code).not.toMatch(/\{\{|\}\}|undefined/);
      expect(n, r.code).not.toBe(e);
    }
    expect(Object.keys(reasonTexts.nb).sort()).toEqual(Object.keys(reasonTexts.en).sort());
  });

  it('leaves a value that looks like a placeholder or a replacement pattern alone', () => {
    const r: Reason = { code: 'linked', parent: '$&{{via}}', via: '$1' };
    expect(describeReason(r, fillFrom('en'))).toBe('Linked to $&{{via}} through $1');
  });
});

describe('reasons in the package', () => {
  const hit: Hit = {
    id: 'crm-1',
    source: 'crm',
    location: { table: 'kunder', record: 1, line: 2 },
    confidence: 'high',
    score: 0.95,
    reasons: ['Telefon matched phone +47 913 45 678 (E.164 normalised)'],
    why: [{ code: 'identifier', field: 'Telefon', kind: 'phone', given: '+47 913 45 678', how: 'e164', inText: false }],
    matches: [],
    record: { Telefon: '913 45 678' },
  };

  it('are in the package language, and the data form of them stays out of the package', () => {
    const [nb] = inPackage(selectHits([hit], 'high', undefined, '[fjernet]', 'nb'));
    expect(nb.reasons).toEqual(['Telefon samsvarte med telefonnummer +47 913 45 678 (normalisert til E.164)']);
    expect(nb).not.toHaveProperty('why');
    expect(inPackage(selectHits([hit], 'high', undefined, '[redacted]', 'en'))[0].reasons).toEqual(hit.reasons);
  });

  it('go out as stored for a hit kept before reasons were data', () => {
    const { why: _why, ...old } = hit;
    expect(inPackage(selectHits([old], 'high', undefined, '[fjernet]', 'nb'))[0].reasons).toEqual(hit.reasons);
  });

  it('lose text a reviewer masked, in the package language too', () => {
    const review = { decisions: [], redactions: [{ hitId: 'crm-1', field: 'Telefon', action: 'mask-text' as const, text: '913 45 678', reason: 'another person’s number' }] };
    const [nb] = inPackage(selectHits([hit], 'high', review, '[fjernet]', 'nb'));
    expect(nb.reasons.join(' ')).not.toContain('913 45 678');
    expect(nb.reasons[0]).toContain('[fjernet]');
  });
});
