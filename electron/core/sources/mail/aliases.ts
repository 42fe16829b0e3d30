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

/**
 * Collects addresses that appear with the subject's name as display name
 * ("Kenneth Lay <klay@enron.com>"). They are only offered: another person can have the
 * same name, so the DPO confirms or rejects each one before it is searched for.
 */
export class AliasCollector {
  private readonly seen = new Map<string, { count: number; display: string }>();
  private readonly names: string[][];

  constructor(private readonly subject: PreparedSubject) {
    this.names = subject.names.map((n) => n.tokens).filter((t) => t.length > 0);
  }

  add(mail: ParsedMail): void {
    if (this.names.length === 0) return;
    for (const h of addressHeaders) {
      for (const a of mail.addresses[h]) if (a.name && a.address) this.consider(a.name, a.address);
    }
    // Exchange/Lotus exports (Enron) put the name only in X-From, next to a bare From address.
    const from = mail.addresses.from;
    const xFrom = mail.displayHeaders.find((h) => h.field === 'x-from');
    if (xFrom && from.length === 1 && !from[0].name && from[0].address) this.consider(xFrom.value, from[0].address);
    for (const inner of mail.attached) this.add(inner);
  }

  private consider(display: string, address: string): void {
    const email = normaliseEmail(address);
    if (!EMAIL.test(email) || this.subject.emails.has(email)) return;
    const tokens = displayNameTokens(display);
    if (!this.names.some((name) => name.every((t) => tokens.includes(t)))) return;
    const entry = this.seen.get(email);
    if (entry) entry.count++;
    else this.seen.set(email, { count: 1, display: display.replace(/\s*<[^>]*>.*$/, '').trim() });
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
