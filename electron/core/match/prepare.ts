import type { Subject } from '../../../shared/subject';
import { normaliseEmail, normaliseName, nameTokens } from './normalise';

export interface PreparedName {
  given: string;
  normalised: string;
  tokens: string[];
}

/** The subject's identifiers in the forms the matcher compares, computed once per search. */
export interface PreparedSubject {
  subject: Subject;
  names: PreparedName[];
  emails: Map<string, string>;
  others: Map<string, string>;
}

export function prepareSubject(subject: Subject): PreparedSubject {
  return {
    subject,
    names: subject.names.map((given) => {
      const normalised = normaliseName(given);
      return { given, normalised, tokens: nameTokens(normalised) };
    }),
    emails: new Map(subject.emails.map((e) => [normaliseEmail(e), e])),
    others: new Map(subject.others.map((o) => [o.trim().toLowerCase(), o])),
  };
}
