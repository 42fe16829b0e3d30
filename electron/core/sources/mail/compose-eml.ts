import MailComposer, { type MailComposerOptions } from 'nodemailer/lib/mail-composer';
import type { MimeNodeAddress } from 'nodemailer/lib/mime-node';
import type { MailAddress } from './parse-message';

/**
 * An Outlook item (.msg file or PST entry) described neutrally, so both can be written as
 * the same kind of .eml. Outlook stores properties, not MIME: the .eml is rebuilt from them.
 */
export interface OutlookItem {
  /** The internet headers Outlook kept from delivery (PidTagTransportMessageHeaders), if any. */
  transportHeaders?: string;
  from?: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  bcc: MailAddress[];
  subject?: string;
  date?: Date;
  messageId?: string;
  text?: string;
  html?: string;
  attachments: Array<{ filename: string; contentType?: string; content: Buffer; contentId?: string }>;
  /** Attached Outlook items (an .msg inside an .msg, a forwarded item in a PST). */
  attachedItems: OutlookItem[];
  /** What was left out of the item (an attachment over the size limit), in words. */
  omissions?: string[];
}

/** Headers that describe the MIME body, which is rebuilt, so the stored ones would lie. */
const BODY_HEADER = /^(content-[a-z-]+|mime-version)$/i;

/** A raw header block split into whole fields (first line plus continuation lines), CRLF-terminated. */
export function splitHeaderFields(block: string): Array<{ name: string; raw: string }> {
  const out: Array<{ name: string; raw: string }> = [];
  for (const line of block.replace(/\r?\n/g, '\n').split('\n')) {
    if (/^[ \t]/.test(line) && out.length > 0) out[out.length - 1].raw += `${line}\r\n`;
    else {
      const colon = line.indexOf(':');
      if (colon > 0) out.push({ name: line.slice(0, colon).trim().toLowerCase(), raw: `${line}\r\n` });
    }
  }
  return out;
}

const toAddress = (a: MailAddress): MimeNodeAddress => ({ name: a.name, address: a.address });

/**
 * Writes an Outlook item as an RFC 5322 message. nodemailer's MIME composer builds the body
 * and attachments (attached items become message/rfc822 parts) with headers from Outlook's
 * properties; when Outlook kept the original delivery headers, those are put back verbatim
 * in place of the rebuilt ones (except the Content-* headers, which describe the new body).
 */
export async function composeEml(item: OutlookItem): Promise<Buffer> {
  const mail: MailComposerOptions = {
    // Never let content in an Outlook item make the composer read a local file or a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
    xMailer: false,
    text: item.text,
    html: item.html,
    attachments: [
      ...item.attachments.map((a) => ({
        filename: a.filename,
        content: a.content,
        ...(a.contentType ? { contentType: a.contentType } : {}),
        ...(a.contentId ? { cid: a.contentId } : {}),
      })),
      ...(await Promise.all(
        item.attachedItems.map(async (inner, i) => ({
          filename: `${(inner.subject || `attached message ${i + 1}`).replace(/[\\/:*?"<>|\r\n]+/g, '_').slice(0, 100)}.eml`,
          content: await composeEml(inner),
          contentType: 'message/rfc822',
        })),
      )),
    ],
    ...(item.from && (item.from.address || item.from.name) ? { from: toAddress(item.from) } : {}),
    ...(item.to.length > 0 ? { to: item.to.map(toAddress) } : {}),
    ...(item.cc.length > 0 ? { cc: item.cc.map(toAddress) } : {}),
    ...(item.bcc.length > 0 ? { bcc: item.bcc.map(toAddress) } : {}),
    ...(item.subject ? { subject: item.subject } : {}),
    ...(item.date ? { date: item.date } : {}),
    ...(item.messageId ? { messageId: item.messageId } : {}),
  };
  const node = new MailComposer(mail).compile();
  node.keepBcc = true; // a Bcc the subject was on is part of their data
  const built = await node.build();
  const split = built.indexOf('\r\n\r\n');
  const original = item.transportHeaders ? splitHeaderFields(item.transportHeaders).filter((f) => !BODY_HEADER.test(f.name)) : [];
  const originalNames = new Set(original.map((f) => f.name));
  // nodemailer invents a Date and a Message-ID when none is given; an export must not.
  const invented = new Set([...(item.date ? [] : ['date']), ...(item.messageId ? [] : ['message-id'])]);
  const rebuilt = splitHeaderFields(built.subarray(0, split).toString('latin1')).filter(
    (f) => BODY_HEADER.test(f.name) || (!originalNames.has(f.name) && !invented.has(f.name)),
  );
  const head = Buffer.from(original.map((f) => f.raw).join(''), 'utf8');
  const tail = Buffer.from(rebuilt.map((f) => f.raw).join(''), 'latin1');
  return Buffer.concat([head, tail, built.subarray(split + 2)]);
}
