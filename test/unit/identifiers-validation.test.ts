import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emailProblem, nationalIdProblem, phoneProblem, subjectProblems } from '../../shared/identifiers';
import { corpus, missingCorpus } from '../helpers/corpora';

interface Vector {
  input: string;
  expected_status: 'valid' | 'invalid';
}

const vectorsMissing = missingCorpus('norwegian-ids', 'vectors.json');

describe.skipIf(vectorsMissing !== null)('national ID validation against the published test vectors', () => {
  const data = vectorsMissing ? null : (JSON.parse(readFileSync(corpus('norwegian-ids', 'vectors.json'), 'utf8')) as {
    navikt_fnrvalidator: Vector[];
    mikaello_validator: Record<string, unknown>;
  });

  it('agrees with every navikt vector (fnr, D-, H-, test numbers, the 2032 check-digit rule)', () => {
    for (const v of data!.navikt_fnrvalidator) {
      expect([v.input, nationalIdProblem(v.input) === null]).toEqual([v.input, v.expected_status === 'valid']);
    }
  });

  it('accepts the second validator\'s fødselsnummer and D-nummer lists in full', () => {
    const lists = ['valid_DNumbers', 'valid_fnr_1901-01-01_men', 'valid_fnr_1901-01-01_women'];
    for (const key of lists) {
      const list = data!.mikaello_validator[key] as string[];
      expect(list.length).toBeGreaterThan(0);
      for (const n of list) expect([n, nationalIdProblem(n)]).toEqual([n, null]);
    }
  });

  it('differs from the second validator only where Skatteetaten\'s rules (fnrvalidator) are stricter', () => {
    // Norsk Helsenett's synthetic test actors and FH-numbers are not fødselsnummer or
    // D-nummer; a DPO never receives one as a subject. Listed so any change is noticed.
    const actors = data!.mikaello_validator['valid_NorskHelsenett_testaktoerer'] as string[];
    const refused = actors.filter((n) => nationalIdProblem(n) !== null);
    expect(refused.sort()).toEqual(['80005484026', '80008117075', '80008621423', '80009001259', '99056326525']);
    expect(nationalIdProblem('81234567802')).not.toBeNull();
    expect(nationalIdProblem('91234567883')).not.toBeNull();
    // Explicitly invalid in the second validator's tests, and here too.
    for (const n of ['29029900157', '24088951559', '81234567803', '01415612381', '03119975255', '67047000658']) {
      expect([n, nationalIdProblem(n)]).not.toEqual([n, null]);
    }
  });
});

describe('national ID forms and messages', () => {
  it('accepts the forms people write: plain, space or dash after the date', () => {
    for (const form of ['15038541215', '150385 41215', '150385-41215']) expect(nationalIdProblem(form)).toBeNull();
  });

  it('rejects a bad check digit, a bad date and a wrong length with different reasons', () => {
    expect(nationalIdProblem('15038541216')).toBe('nationalIdCheck');
    expect(nationalIdProblem('1503854121')).toBe('nationalIdLength');
    expect(nationalIdProblem('32127248022')).toBe('nationalIdCheck');
  });

  it('says what is wrong without repeating the whole number', () => {
    const [issue] = subjectProblems({ names: [], emails: [], phones: [], nationalIds: ['150385 41216'], others: [] });
    expect(issue.message).toMatch(/check digits that do not match/);
    expect(issue.message).toContain('…16');
    expect(issue.message).not.toContain('150385');
  });
});

describe('phone and e-mail validation', () => {
  it('parses Norwegian numbers in every listed format, default region NO', () => {
    for (const p of ['+47 913 45 678', '0047 91345678', '913 45 678', '91 34 56 78', '07-98 92 35', '+46 8 123 456 78']) {
      expect([p, phoneProblem(p)]).toEqual([p, null]);
    }
    expect(phoneProblem('12')).toBe('phone');
    expect(phoneProblem('ring meg')).toBe('phone');
  });

  it('checks e-mail syntax', () => {
    expect(emailProblem('Kari.Nordmann+butikk@Example.no')).toBeNull();
    for (const bad of ['kari', 'kari@', 'kari@example', 'kari @example.no', 'kari@@example.no']) expect(emailProblem(bad)).toBe('email');
  });

  it('lists every problem of a subject in entry order', () => {
    const issues = subjectProblems({ names: ['  '], emails: ['x@y'], phones: ['12'], nationalIds: [], others: [] });
    expect(issues.map((i) => i.list)).toEqual(['names', 'emails', 'phones']);
  });
});
