import { nameTokens, normaliseEmail, normaliseName } from '../../match/normalise';
import type { PreparedSubject } from '../../match/prepare';
import type { Suggestion } from '../source';
import { addressHeaders, type ParsedMail } from './parse-message';

/** "Lay, Kenneth" → tokens of "Kenneth Lay"; quotes, Exchange paths and "@ENRON" tails removed. */
function displayNameTokens(display: string): string[] {
  let name = display.replace(/<[^>]*>/g, ' ').replace(/["']/g, ' ').replace(/@\S*/g, ' ').trim();
  const comma = name.indexOf(',');
  if (comma > 0 && name.indexOf(',', comma + 1) < 0) name = `${name.slice(comma + 1)} ${name.slice(0, comma)}`;
  return nameTokens(normaliseName(name));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_SUGGESTIONS = 20;

/** An address shown with the subject's name, as AliasCollector counts it. */
export interface AliasPair {
  email: string;
  /** The display name as suggested (any "<…>" and what follows removed). */
  display: string;
}

/** The parts of a message the alias search reads. */
export type AliasSource = Pick<ParsedMail, 'addresses' | 'displayHeaders'> & { attached: readonly AliasSource[] };

/**
 * The addresses of one message (and its attached messages) that appear with one of the
 * subject's names as display name, in the order AliasCollector counts them. A pure function
 * of the message and the subject, so mail workers run it and send only its few results.
 */
export function aliasPairs(mail: AliasSource, subject: PreparedSubject): AliasPair[] {
  const names = subject.names.map((n) => n.tokens).filter((t) => t.length > 0);
  const out: AliasPair[] = [];
  if (names.length === 0) return out;
  const consider = (display: string, address: string) => {
    const email = normaliseEmail(address);
    if (!EMAIL.test(email) || subject.emails.has(email)) return;
    const tokens = displayNameTokens(display);
    if (!names.some((name) => name.every((t) => tokens.includes(t)))) return;
    out.push({ email, display: display.replace(/\s*<[^>]*>.*$/, '').trim() });
  };
  const walk = (m: AliasSource) => {
    for (const h of addressHeaders) {
      for (const a of m.addresses[h]) if (a.name && a.address) consider(a.name, a.address);
    }
    // Exchange/Lotus exports (Enron) put the name only in X-From, next to a bare From address.
    const from = m.addresses.from;
    const xFrom = m.displayHeaders.find((h) => h.field === 'x-from');
    if (xFrom && from.length === 1 && !from[0].name && from[0].address) consider(xFrom.value, from[0].address);
    for (const inner of m.attached) walk(inner);
  };
  walk(mail);
  return out;
}

/**
 * Collects addresses that appear with the subject's name as display name
 * ("Kenneth Lay <klay@enron.com>"). They are only offered: another person can have the
 * same name, so the DPO confirms or rejects each one before it is searched for.
 */
export class AliasCollector {
  private readonly seen = new Map<string, { count: number; display: string }>();

  constructor(private readonly subject: PreparedSubject) {}

  add(mail: AliasSource): void {
    this.addPairs(aliasPairs(mail, this.subject));
  }

  /** Pairs found elsewhere (a mail worker) by aliasPairs, in message order. */
  addPairs(pairs: readonly AliasPair[]): void {
    for (const { email, display } of pairs) {
      const entry = this.seen.get(email);
      if (entry) entry.count++;
      else this.seen.set(email, { count: 1, display });
    }
  }

  suggestions(): Suggestion[] {
    return [...this.seen.entries()]
      .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
      .slice(0, MAX_SUGGESTIONS)
      .map(([value, { count, display }]) => ({
        kind: 'email' as const,
        value,
        count,
        reason: `shown with the name "${display}" on ${count} message${count === 1 ? '' : 's'}; confirm it is the same person before using it`,
      }));
  }
}
