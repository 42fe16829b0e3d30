import type { Channel, NewCase, RequestType } from '../../../../shared/case';
import type { Subject } from '../../../../shared/subject';
import { rules, type IdentifierList } from './identifier-rules';

export const requestTypes: readonly RequestType[] = ['access', 'portability', 'rectification', 'erasure', 'restriction', 'objection'];
export const channels: readonly Channel[] = ['email', 'letter', 'web-form', 'phone'];
export type { Channel, RequestType };

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

export function newCaseOf(d: CaseDraft): NewCase {
  return { subject: subjectOf(d), types: d.types, channel: d.channel, received: d.received };
}

/** Identity verification is recorded only when method and verifier are both given. */
export function verificationOf(d: CaseDraft): { method: string; by: string; date?: string; note?: string } | null {
  const v = d.verification;
  if (!v.method.trim() || !v.by.trim()) return null;
  return { method: v.method.trim(), by: v.by.trim(), ...(v.date ? { date: v.date } : {}), ...(v.note.trim() ? { note: v.note.trim() } : {}) };
}
