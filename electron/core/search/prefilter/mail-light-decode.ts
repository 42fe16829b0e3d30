import { digitsOnly } from '../../match/digit-groups';
import { mayMatch } from '../../match/evidence';
import type { PreparedSubject } from '../../match/prepare';
import { termPattern } from '../../match/term-pattern';
import { attachmentTextKind, extractAttachmentText } from '../../sources/mail/attachment-text';
import { htmlToText } from '../../sources/mail/html-text';
import { mailLimits } from '../../sources/mail/mail-limits';
import type { AddressHeader, MailAddress, MailAttachment, ParsedMail } from '../../sources/mail/parse-message';
import { HTML_WHITESPACE, simpleHtmlText } from './mail-html-text';
import { lightParse } from './mail-light-parse';
import { lightParsedMail } from './mail-light-record';

/** A message lightParse could read, decoded without the full parser. */
export interface LightDecoded {
  /** Exactly the problems parseMessage would report for it (attachment texts that could not be read). */
  problems: string[];
  /** Exactly parseMessage's address lists and X-headers, for the alias collector. */
  addresses: Record<AddressHeader, MailAddress[]>;
  displayHeaders: Array<{ field: string; value: string }>;
  /** What parseMessage would make of it, or null when the matcher cannot accept its record. */
  mail: ParsedMail | null;
}

/**
 * The mail workers' decoder for messages of plain structure (mail-parse-worker.ts), which is
 * nearly all of them. lightParse decodes what the record would hold and the matcher's own
 * fast reject, mayMatch, is asked whether any of it holds one of the subject's prefilter
 * terms; when nothing does, matchRecord would return null for the record parseMessage makes,
 * so no record is built. Every string tested is the record's own except the HTML body, which
 * is compared by its text with all whitespace removed on both sides (mail-html-text.ts says
 * why that can only find more). Attachment texts come from the same extractors parseMessage
 * calls, so their problems are the same too. For a message that may match, the ParsedMail is
 * built by parseMessage's rules (mail-light-record.ts). null: lightParse cannot read the
 * message, and the full parser must. `always` builds the ParsedMail anyway (tests compare
 * every one with parseMessage's).
 */
export async function decodeLight(raw: Uint8Array, subject: PreparedSubject, always = false): Promise<LightDecoded | null> {
  const light = lightParse(raw);
  if (!light) return null;
  let may = mayHold(light.values, subject);
  if (!may && light.html !== null) {
    const simple = simpleHtmlText(light.html);
    may = simple === null ? mayHold([htmlToText(light.html)], subject) : looseMayHold(simple, subject);
  }
  const problems: string[] = [];
  const attachments: MailAttachment[] = [];
  for (const a of light.attachments) {
    const listed: MailAttachment = { name: a.name, type: a.type, size: a.bytes.byteLength };
    attachments.push(listed);
    const kind = attachmentTextKind(a.type, a.name);
    if (!kind) continue;
    try {
      listed.text = (await extractAttachmentText(kind, a.bytes)).slice(0, mailLimits.maxTextChars);
    } catch (err) {
      // Word for word what parseMessage reports for an attachment it cannot read.
      const label = a.name ? `attachment "${a.name}"` : `an unnamed ${a.type} attachment`;
      problems.push(`the text of ${label} could not be read (${(err as Error).message}); it was listed but not searched`);
      continue;
    }
    if (!may && listed.text) may = mayHold([listed.text], subject);
  }
  const mail = may || always ? lightParsedMail(light, attachments, problems) : null;
  return { problems, addresses: light.addresses, displayHeaders: light.displayHeaders, mail };
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
