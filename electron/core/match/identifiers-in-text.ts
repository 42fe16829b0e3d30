import { emailsIn, normaliseEmail, subAddressFolded } from './normalise';

export interface FoundEmail {
  written: string;
  normalised: string;
  folded: string;
  /** In an address header: the display name written before `<address>`. */
  displayName?: string;
}

/** `"Lay, Kenneth" <kenneth.lay@enron.com>`: the display name is what precedes the angle bracket. */
const HEADER_ENTRY = /(?:^|,)\s*("?)([^<>"]*?)\1\s*<([^<>]*)>/g;

/**
 * Every address in a value. In an address header the display names are kept too: a display
 * name equal to the subject's next to a different address is how a namesake shows in mail.
 */
export function findEmails(value: string, header: boolean): FoundEmail[] {
  const out: FoundEmail[] = [];
  const seen = new Set<string>();
  const add = (written: string, displayName?: string) => {
    // Quotes and dots around an address are punctuation, not part of it ('kari@x.no').
    const clean = written.replace(/^['.-]+|['.-]+$/g, '');
    if (!clean.includes('@')) return;
    const normalised = normaliseEmail(clean);
    const key = `${normalised}\u0000${displayName ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ written: clean, normalised, folded: subAddressFolded(normalised), ...(displayName ? { displayName } : {}) });
  };
  if (header) {
    HEADER_ENTRY.lastIndex = 0;
    for (const m of value.matchAll(HEADER_ENTRY)) {
      const display = m[2].trim();
      for (const e of emailsIn(m[3])) add(e, display.length > 0 && !display.includes('@') ? display : undefined);
    }
  }
  for (const e of emailsIn(value)) add(e);
  // The same address with and without display name: keep the one with the name. A set, not a
  // nested scan: one hostile field (an unclosed quote) can hold hundreds of thousands of addresses.
  const named = new Set(out.filter((e) => e.displayName).map((e) => e.normalised));
  return out.filter((e) => e.displayName !== undefined || !named.has(e.normalised));
}

/** Company role mailboxes are not a third person (support@, post@, noreply@…). */
const ROLE = new Set([
  'support', 'post', 'postmottak', 'kundeservice', 'kundesenter', 'service', 'info', 'kontakt', 'hjelp', 'help',
  'noreply', 'no-reply', 'donotreply', 'do-not-reply', 'admin', 'ordre', 'order', 'orders', 'faktura', 'invoice',
  'billing', 'sales', 'salg', 'personvern', 'privacy', 'dpo', 'webmaster', 'postmaster', 'mailer-daemon', 'newsletter',
  'nyhetsbrev', 'kundeservice', 'customerservice', 'contact',
]);

export function roleAddress(normalisedEmail: string): boolean {
  const local = subAddressFolded(normalisedEmail).split('@')[0];
  return ROLE.has(local);
}

/** Only the last two digits: reasons are shown and exported, a full fødselsnummer need not be. */
export function maskId(id: string): string {
  const d = id.replace(/\D/g, '');
  return `ending in …${d.slice(-2)}`;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

/**
 * "Other" identifiers (customer number, username, IP address, licence plate) inside text, as
 * whole tokens: `10.0.0.1` does not match inside `10.0.0.12`, `K-100` not inside `K-1001`.
 * Punctuation that joins word characters (`.` `-` `@` `/` `:`) continues the token.
 */
export function findOthersInText(value: string, others: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  const low = value.toLowerCase();
  for (const [token, given] of others) {
    for (let at = low.indexOf(token); at >= 0; at = low.indexOf(token, at + 1)) {
      const before = low[at - 1];
      const after = low[at + token.length];
      const joinsBefore = isWordChar(before) || (/[.\-@/:]/.test(before ?? '') && isWordChar(low[at - 2]));
      const joinsAfter = isWordChar(after) || (/[.\-@/:]/.test(after ?? '') && isWordChar(low[at + token.length + 1]));
      if (!joinsBefore && !joinsAfter) {
        found.push(given);
        break;
      }
    }
  }
  return found;
}
