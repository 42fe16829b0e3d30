import { describe, expect, it } from 'vitest';
import { emailProblem, nationalIdProblem, phoneProblem } from '../../renderer/src/screens/cases/identifier-rules';
import { draftIsValid, emptyDraft, subjectOf, verificationOf } from '../../renderer/src/screens/cases/case-draft';

describe('identifier checks in the request form', () => {
  it('accepts national IDs written as people write them, and says what is wrong otherwise', () => {
    for (const ok of ['15038541215', '150385 41215', '150385-41215']) expect(nationalIdProblem(ok), ok).toBeNull();
    expect(nationalIdProblem('15038541216')).toBe('nationalIdCheck');
    expect(nationalIdProblem('1503854121')).toBe('nationalIdLength');
    expect(nationalIdProblem('abc')).toBe('nationalIdLength');
  });

  it('reads Norwegian phone numbers in the formats the domain guide lists', () => {
    for (const ok of ['+47 913 45 678', '0047 91345678', '913 45 678', '91 34 56 78']) expect(phoneProblem(ok), ok).toBeNull();
    for (const bad of ['12', 'ring meg']) expect(phoneProblem(bad), bad).toBe('phone');
  });

  it('checks e-mail syntax only', () => {
    expect(emailProblem('Kari.Nordmann@Example.no')).toBeNull();
    for (const bad of ['kari@', 'kari nordmann@example.no', 'example.no']) expect(emailProblem(bad), bad).toBe('email');
  });
});

describe('a request draft', () => {
  it('needs at least one valid identifier and a request type', () => {
    const d = emptyDraft();
    expect(draftIsValid(d)).toBe(false);
    d.identifiers.names = ['  Kari Nordmann  '];
    expect(draftIsValid(d)).toBe(true);
    d.identifiers.nationalIds = ['15038541216'];
    expect(draftIsValid(d)).toBe(false);
    d.identifiers.nationalIds = ['150385 41215'];
    d.types = [];
    expect(draftIsValid(d)).toBe(false);
  });

  it('becomes a subject without blanks, and records identity only when method and verifier are given', () => {
    const d = emptyDraft();
    d.identifiers.emails = ['', ' kari@example.no '];
    expect(subjectOf(d)).toEqual({ names: [], emails: ['kari@example.no'], phones: [], nationalIds: [], others: [] });
    expect(verificationOf(d)).toBeNull();
    d.verification = { method: 'BankID', by: 'Siri', date: '', note: ' ' };
    expect(verificationOf(d)).toEqual({ method: 'BankID', by: 'Siri' });
  });
});
