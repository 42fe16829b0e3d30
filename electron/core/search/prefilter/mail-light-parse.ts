import { addressParser, decodeWords as decodeEncodedWords, type Address } from 'postal-mime';
import { repairHeaderCharset, repairTopContentType } from '../../sources/mail/header-repair';
import { charsetKnown } from '../../sources/mail/mime-structure';
import { addressHeaders, flatten, skipLeadingBlankLines, type AddressHeader, type MailAddress, type ParsedMail } from '../../sources/mail/parse-message';
import { describeAttachments, formatAddressList } from '../../sources/mail/shown-fields';
import { readMimeTree, type MimePartView } from './mail-mime-tree';
import { decodeText, partContent } from './mail-part-content';

/** An attachment as parseMessage lists it, with its decoded bytes for text extraction. */
export interface LightAttachment {
  name: string | null;
  type: string;
  bytes: Uint8Array;
}

/**
 * What postal-mime and parseMessage would make of a message, exactly, read without them
 * (mail-light-decode.ts): headers, address lists and X-headers, the plain text and the HTML
 * (email.text, email.html), the attachments' names, types and bytes, and every string the
 * record would hold except the HTML body and attachment texts. null when the message has
 * anything parseMessage reports as a problem of its structure or that this reading does not
 * follow (an attached message, a calendar part, format=flowed, a text part postal-mime would
 * convert between HTML and plain text, malformed encodings, comments or RFC 2231 parameters
 * in Content-Type or Content-Disposition).
 */
export interface LightMail extends Pick<ParsedMail, 'messageId' | 'date' | 'subject' | 'addresses' | 'displayHeaders'> {
  /** The plain-text parts joined (email.text), and the HTML parts joined (email.html). */
  text: string | null;
  html: string | null;
  /** Some part is text/plain (parseMessage then keeps the HTML as a second body). */
  hasPlainPart: boolean;
  attachments: LightAttachment[];
  /** The strings above as the record holds them: formatted address lists, subject, date, X-headers, attachment list, text. */
  values: string[];
}

const displayHeaderNames = ['x-from', 'x-to', 'x-cc', 'x-bcc'];

/**
 * postal-mime's decodeWords, without running its six regular expressions over values that
 * none of them can change (all need "=?", but one, which needs a NUL character).
 */
const decodeWords = (value: string) => (value.includes('=?') || value.includes('\0') ? decodeEncodedWords(value) : value);

/**
 * addressParser's results by header value: a mailbox repeats its owner's and correspondents'
 * address lines on message after message. Its result is only read (flatten copies it).
 */
const parsedAddresses = new Map<string, Address[]>();
function parseAddresses(value: string): Address[] {
  let list = parsedAddresses.get(value);
  if (!list) {
    list = addressParser(value) ?? [];
    if (parsedAddresses.size >= 4096) parsedAddresses.clear();
    parsedAddresses.set(value, list);
  }
  return list;
}

class Unsupported extends Error {}

export function lightParse(message: Uint8Array): LightMail | null {
  // The same repairs parseMessage makes before postal-mime sees the bytes.
  const raw = repairTopContentType(repairHeaderCharset(skipLeadingBlankLines(message)));
  const root = readMimeTree(raw);
  if (!root || !structureClean(root)) return null;
  try {
    return build(raw, root);
  } catch (err) {
    if (err instanceof Unsupported) return null;
    throw err;
  }
}

/** No part describeStructure would report: a multipart without boundary or parts, an unknown charset. */
function structureClean(part: MimePartView): boolean {
  if (part.type.value.startsWith('multipart/') && (!part.type.params.boundary || part.children.length === 0)) return false;
  const charset = part.type.params.charset;
  if (charset && !charsetKnown(charset)) return false;
  return part.children.every(structureClean);
}

function build(raw: Uint8Array, root: MimePartView): LightMail {
  const headers = root.headers;
  // postal-mime looks headers up in its own list, which runs from the last header to the
  // first: of two Subject lines the last counts, and To lines are read last first.
  const lastFirst = [...headers].reverse();
  const first = (key: string) => lastFirst.find((h) => h.key === key);
  const single = (key: string): Address | undefined => {
    const h = first(key);
    return h && h.value ? parseAddresses(h.value)[0] : undefined;
  };
  const all = (key: string): Address[] => lastFirst.filter((h) => h.key === key && h.value).flatMap((h) => parseAddresses(h.value));
  const addresses: Record<AddressHeader, MailAddress[]> = {
    from: flatten(single('from')),
    to: flatten(all('to')),
    cc: flatten(all('cc')),
    bcc: flatten(all('bcc')),
    'reply-to': flatten(all('reply-to')),
    sender: flatten(single('sender')),
  };
  const displayHeaders = headers.filter((h) => displayHeaderNames.includes(h.key) && h.value.trim()).map((h) => ({ field: h.key, value: decodeWords(h.value) }));
  const subject = first('subject');
  const date = first('date');
  const texts = new Map<MimePartView, { plain?: string[]; html?: string[] }>();
  const kinds = new Set<'plain' | 'html'>();
  const attachments: LightAttachment[] = [];

  const walk = (part: MimePartView, alternative: MimePartView | null) => {
    if (!part.multipart) {
      const type = part.type.value;
      const content = partContent(raw, part, part.type.params.charset);
      if (!content) throw new Unsupported();
      if (type === 'message/rfc822' || type === 'message/global') {
        // parseMessage opens attached messages itself; the full parser handles them.
        throw new Unsupported();
      }
      if (part.disposition.value !== 'attachment' && (type === 'text/plain' || type === 'text/html')) {
        if (/^flowed$/i.test(part.type.params.format ?? '')) throw new Unsupported();
        const kind = type === 'text/plain' ? 'plain' : 'html';
        const key = alternative ?? part;
        const entry = texts.get(key) ?? {};
        texts.set(key, entry);
        (entry[kind] ??= []).push(decodeText(content, part.type.params.charset));
        kinds.add(kind);
      } else {
        if (type === 'text/calendar' || type === 'application/ics') throw new Unsupported();
        const filename = part.disposition.params.filename || part.type.params.name || null;
        attachments.push({ name: filename ? decodeWords(filename) : null, type, bytes: content });
      }
    } else if (part.multipart === 'alternative') alternative = part;
    for (const child of part.children) walk(child, alternative);
  };
  walk(root, null);

  // postal-mime fills a missing plain or HTML alternative by converting the other one; not followed here.
  const joined: { plain: string[]; html: string[] } = { plain: [], html: [] };
  for (const entry of texts.values()) {
    for (const kind of kinds) {
      const list = entry[kind];
      if (!list) throw new Unsupported();
      joined[kind].push(...list);
    }
  }
  const text = joined.plain.join('\n');
  const html = joined.html.join('\n');

  const mail: LightMail = {
    date: date ? dateText(date.value) : null,
    subject: subject && subject.value ? decodeWords(subject.value) : null,
    addresses,
    displayHeaders,
    text: text || null,
    html: html || null,
    hasPlainPart: hasType(root, 'text/plain'),
    attachments,
    values: [],
  };
  const messageId = first('message-id');
  if (messageId && messageId.value) mail.messageId = decodeWords(messageId.value);
  for (const h of addressHeaders) {
    const list = formatAddressList(addresses[h]);
    if (list) mail.values.push(list);
  }
  for (const v of [mail.subject, mail.date, ...displayHeaders.map((h) => h.value), describeAttachments(attachments.map((a) => ({ name: a.name, type: a.type, size: a.bytes.byteLength }))), mail.text]) {
    if (v) mail.values.push(v);
  }
  return mail;
}

/** As postal-mime gives a Date header: ISO 8601 when it parses, else as written. */
function dateText(value: string): string {
  const parsed = new Date(value);
  // toString() is "Invalid Date" exactly when the time is NaN, and far cheaper to test this way.
  return Number.isNaN(parsed.getTime()) ? value : parsed.toISOString();
}

function hasType(part: MimePartView, type: string): boolean {
  return part.type.value === type || part.children.some((c) => hasType(c, type));
}
