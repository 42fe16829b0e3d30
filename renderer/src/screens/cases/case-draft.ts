import type { Subject } from '../../../../shared/subject';
import { rules, type IdentifierList } from './identifier-rules';

export const requestTypes = ['access', 'portability', 'rectification', 'erasure', 'restriction', 'objection'] as const;
export const channels = ['email', 'letter', 'web-form', 'phone'] as const;
export type RequestType = (typeof requestTypes)[number];
export type Channel = (typeof channels)[number];

export interface CaseDraft {
  identifiers: Record<IdentifierList, string[]>;
  types: RequestType[];
  channel: Channel;
  received: string;
  verification: { method: string; date: string; by: string; note: string };
}

export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function emptyDraft(): CaseDraft {
  return {
    identifiers: { names: [''], emails: [''], phones: [''], nationalIds: [''], others: [''] },
    types: ['access'],
    channel: 'email',
    received: today(),
    verification: { method: '', date: '', by: '', note: '' },
  };
}

export function subjectOf(d: CaseDraft): Subject {
  const clean = (xs: string[]) => xs.map((x) => x.trim()).filter(Boolean);
  return {
    names: clean(d.identifiers.names),
    emails: clean(d.identifiers.emails),
    phones: clean(d.identifiers.phones),
    nationalIds: clean(d.identifiers.nationalIds),
    others: clean(d.identifiers.others),
  };
}

/** A draft can be saved when it identifies someone, every value is valid, and a type is chosen. */
export function draftIsValid(d: CaseDraft): boolean {
  const s = subjectOf(d);
  const any = Object.values(s).some((xs) => xs.length > 0);
  const valid = (Object.keys(rules) as IdentifierList[]).every((k) => s[k].every((v) => rules[k](v) === null));
  return any && valid && d.types.length > 0 && /^\d{4}-\d{2}-\d{2}$/.test(d.received);
}
