import type { Cell } from '../../../../shared/hit';
import PostalMime, { decodeWords, type Address, type Attachment, type Email } from 'postal-mime';
import { repairHeaderCharset, repairTopContentType } from './header-repair';
import { attachmentTextKind, extractAttachmentText } from './attachment-text';
import { htmlToText } from './html-text';
import { mailLimits } from './mail-limits';
import { describeStructure, type MimeNodeView, type MimePart } from './mime-structure';
import { shownFields } from './shown-fields';
import { fixWindows1252Decoding } from '../../text/text-decoder-fix';

// postal-mime (and the fast path's light decoder, which follows it) decode charsets with the
// global TextDecoder; on Node 20.18.3+ its windows-1252 loses ’ – € Š (text-decoder-fix.ts).
// Every thread that parses mail loads this module first.
fixWindows1252Decoding();

export interface MailAddress {
  name: string;
  address: string;
}

export interface MailAttachment {
  name: string | null;
  type: string;
  size: number;
  /** Extracted text, for the kinds we can read (plain text, CSV, HTML, PDF, DOCX). */
  text?: string;
}

/** One decoded message; attached (forwarded) messages are decoded the same way. */
export interface ParsedMail {
  messageId?: string;
  date: string | null;
  subject: string | null;
  /** from, to, cc, bcc, reply-to, sender: decoded display names and addresses. */
  addresses: Record<AddressHeader, MailAddress[]>;
  /** X-From / X-To / X-cc / X-bcc as written by Exchange and Lotus exports (no addresses, often names). */
  displayHeaders: Array<{ field: string; value: string }>;
  body: string | null;
  /** The HTML alternative converted to text, when the message also has a plain-text part. */
  htmlBody: string | null;
  attachments: MailAttachment[];
  attached: ParsedMail[];
  structure: MimePart[];
  /** What could not be decoded, in words; never message content. */
  problems: string[];
  /** The fields shown for the message (see shownFields). */
  fields: Record<string, Cell>;
}

export const addressHeaders = ['from', 'to', 'cc', 'bcc', 'reply-to', 'sender'] as const;
export type AddressHeader = (typeof addressHeaders)[number];
const displayHeaderNames = ['x-from', 'x-to', 'x-cc', 'x-bcc'];

/** postal-mime's addresses (groups opened) as name and address pairs; the mail pre-check reads headers the same way. */
export function flatten(list: Address | Address[] | undefined): MailAddress[] {
  const out: MailAddress[] = [];
  const walk = (a: Address) => {
    if (a.group) a.group.forEach(walk);
    else if (a.address || a.name) out.push({ name: a.name ?? '', address: a.address ?? '' });
  };
  if (list) (Array.isArray(list) ? list : [list]).forEach(walk);
  return out;
}

/**
 * Decodes one RFC 5322 message. postal-mime does the MIME work (RFC 2047 words, RFC 2231
 * parameters, transfer encodings, charsets); message/rfc822 parts are kept as attachments
 * and decoded here recursively, so a forwarded mail gets its own headers and body, bounded
 * by `mailLimits.maxAttachedMessageDepth`. A message that postal-mime rejects is reduced to
 * its header block, so it is still found by its sender and subject, and flagged.
 */
export async function parseMessage(raw: Uint8Array, depth = 0): Promise<ParsedMail> {
  const parser = new PostalMime({
    forceRfc822Attachments: true,
    maxNestingDepth: mailLimits.maxMimeNesting,
    attachmentEncoding: 'arraybuffer',
  });
  let email: Email;
  const problems: string[] = [];
  try {
    email = await parser.parse(repairTopContentType(repairHeaderCharset(skipLeadingBlankLines(raw))));
  } catch (err) {
    problems.push(`the MIME structure could not be decoded (${(err as Error).message}); only the headers were read`);
    email = await PostalMime.parse(repairHeaderCharset(headerBlock(skipLeadingBlankLines(raw))), { maxNestingDepth: 1 });
  }
  const mail: ParsedMail = {
    ...(email.messageId ? { messageId: email.messageId } : {}),
    date: email.date ?? null,
    subject: email.subject ?? null,
    addresses: {
      from: flatten(email.from),
      to: flatten(email.to),
      cc: flatten(email.cc),
      bcc: flatten(email.bcc),
      'reply-to': flatten(email.replyTo),
      sender: flatten(email.sender),
    },
    displayHeaders: email.headers
      .filter((h) => displayHeaderNames.includes(h.key) && h.value.trim())
      .map((h) => ({ field: h.key, value: decodeWords(h.value) })),
    body: null,
    htmlBody: null,
    attachments: [],
    attached: [],
    structure: [],
    problems,
    fields: {},
  };
  const root = (parser as unknown as { root?: MimeNodeView }).root;
  const hasPlainPart = containsType(root, 'text/plain');
  if (email.html && hasPlainPart) {
    mail.body = email.text ?? null;
    mail.htmlBody = htmlToText(email.html);
  } else if (email.html) {
    mail.body = htmlToText(email.html);
  } else {
    mail.body = email.text ?? null;
  }
  for (const a of email.attachments) await addAttachment(mail, a, depth);
  const structure = describeStructure(root, mail.attached.map((m) => m.structure));
  mail.structure = structure.parts;
  mail.fields = shownFields(mail);
  problems.push(...structure.problems);
  return mail;
}

async function addAttachment(mail: ParsedMail, a: Attachment, depth: number): Promise<void> {
  const bytes = toBytes(a.content);
  const name = a.filename ?? null;
  mail.attachments.push({ name, type: a.mimeType, size: bytes.byteLength });
  const listed = mail.attachments[mail.attachments.length - 1];
  const label = name ? `attachment "${name}"` : `an unnamed ${a.mimeType} attachment`;
  if (a.mimeType === 'message/rfc822' || a.mimeType === 'message/global') {
    if (depth + 1 > mailLimits.maxAttachedMessageDepth) {
      mail.problems.push(`an attached message is nested deeper than ${mailLimits.maxAttachedMessageDepth} levels; it was listed but not searched`);
      return;
    }
    const inner = await parseMessage(bytes, depth + 1);
    mail.attached.push(inner);
    mail.problems.push(...inner.problems.map((p) => `attached message: ${p}`));
    return;
  }
  const kind = attachmentTextKind(a.mimeType, name);
  if (!kind) return;
  try {
    listed.text = (await extractAttachmentText(kind, bytes)).slice(0, mailLimits.maxTextChars);
  } catch (err) {
    mail.problems.push(`the text of ${label} could not be read (${(err as Error).message}); it was listed but not searched`);
  }
}

function toBytes(content: Attachment['content']): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

function containsType(node: MimeNodeView | undefined, type: string): boolean {
  if (!node) return false;
  if (node.contentType?.parsed?.value === type) return true;
  return (node.childNodes ?? []).some((c) => containsType(c, type));
}

/** Some exporters start a file with empty lines; a parser would take the first one as the end of the headers. */
export function skipLeadingBlankLines(raw: Uint8Array): Uint8Array {
  let i = 0;
  while (i < raw.length && (raw[i] === 10 || raw[i] === 13)) i++;
  return i === 0 ? raw : raw.subarray(i);
}

/** The bytes up to the first empty line: enough to read the headers of a message whose body is hopeless. */
function headerBlock(raw: Uint8Array): Uint8Array {
  const buf = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const lf = buf.indexOf('\n\n');
  const crlf = buf.indexOf('\r\n\r\n');
  const ends = [lf < 0 ? -1 : lf + 2, crlf < 0 ? -1 : crlf + 4].filter((n) => n >= 0);
  const end = ends.length > 0 ? Math.min(...ends) : Math.min(buf.length, 256 * 1024);
  return buf.subarray(0, end);
}
