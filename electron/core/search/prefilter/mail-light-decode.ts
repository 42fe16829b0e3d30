import { digitsOnly } from '../../match/digit-groups';
import { mayMatch } from '../../match/evidence';
import type { PreparedSubject } from '../../match/prepare';
import { termPattern } from '../../match/term-pattern';
import { attachmentTextKind, extractAttachmentText } from '../../sources/mail/attachment-text';
import { htmlToText } from '../../sources/mail/html-text';
import { mailLimits } from '../../sources/mail/mail-limits';
import type { AddressHeader, MailAddress } from '../../sources/mail/parse-message';
import { HTML_WHITESPACE, simpleHtmlText } from './mail-html-text';
import { lightParse } from './mail-light-parse';

/** A message the matcher cannot accept: what the search still needs of it. */
export interface SkippedMail {
  /** Exactly the problems parseMessage would report for it (attachment texts that could not be read). */
  problems: string[];
  /** Exactly parseMessage's address lists and X-headers, for the alias collector. */
  addresses: Record<AddressHeader, MailAddress[]>;
  displayHeaders: Array<{ field: string; value: string }>;
}

/**
 * The cheap look at a message before the full parse (mail-parse-worker.ts). It decodes what
 * the record would hold (lightParse) and asks the matcher's own fast reject, mayMatch, whether
 * any of it holds one of the subject's prefilter terms; when nothing does, matchRecord would
 * return null for the record parseMessage makes, so parsing it is skipped. Every string is
 * the record's own except the HTML body, which is compared by its text with all whitespace
 * removed on both sides (mail-html-text.ts says why that can only find more). Attachment texts
 * come from the same extractors parseMessage calls, so their problems are the same too.
 * Returns null, meaning "parse it", when the message may match or lightParse cannot read it.
 */
export async function precheckMail(raw: Uint8Array, subject: PreparedSubject): Promise<SkippedMail | null> {
  const mail = lightParse(raw);
  if (!mail || mayHold(mail.values, subject)) return null;
  if (mail.html !== null) {
    const simple = simpleHtmlText(mail.html);
    if (simple === null ? mayHold([htmlToText(mail.html)], subject) : looseMayHold(simple, subject)) return null;
  }
  const problems: string[] = [];
  for (const a of mail.attachments) {
    const kind = attachmentTextKind(a.type, a.name);
    if (!kind) continue;
    let text: string;
    try {
      text = (await extractAttachmentText(kind, a.bytes)).slice(0, mailLimits.maxTextChars);
    } catch (err) {
      // Word for word what parseMessage reports for an attachment it cannot read.
      const label = a.name ? `attachment "${a.name}"` : `an unnamed ${a.type} attachment`;
      problems.push(`the text of ${label} could not be read (${(err as Error).message}); it was listed but not searched`);
      continue;
    }
    if (text && mayHold([text], subject)) return null;
  }
  return { problems, addresses: mail.addresses, displayHeaders: mail.displayHeaders };
}

function mayHold(values: readonly string[], subject: PreparedSubject): boolean {
  return mayMatch({ fields: {}, text: values.map((value) => ({ field: '', value })) }, subject);
}

const looseTerms = new WeakMap<PreparedSubject, { re: RegExp | null; everything: boolean }>();

/** The text terms with whitespace removed, as one pattern; a term of only whitespace matches everything. */
function looseFor(subject: PreparedSubject): { re: RegExp | null; everything: boolean } {
  let loose = looseTerms.get(subject);
  if (!loose) {
    const terms = subject.textTerms.map((t) => t.replace(HTML_WHITESPACE, ''));
    loose = { re: termPattern(terms, 'iu'), everything: terms.includes('') };
    looseTerms.set(subject, loose);
  }
  return loose;
}

function looseMayHold(text: string, subject: PreparedSubject): boolean {
  const loose = looseFor(subject);
  if (loose.everything || loose.re?.test(text.replace(HTML_WHITESPACE, ''))) return true;
  if (subject.digitTerms.length === 0 || !/\d/.test(text)) return false;
  const digits = digitsOnly(text);
  return subject.digitTerms.some((t) => digits.includes(t));
}
