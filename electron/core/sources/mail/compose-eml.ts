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
}

/** Headers that describe the MIME body, which is rebuilt, so the stored ones would lie. */
const BODY_HEADERS = /^(content-[a-z-]+|mime-version)$/i;

/** Unfolded "Name: value" pairs of a raw header block. */
export function splitHeaderBlock(block: string): Array<{ key: string; value: string }> {
  const out: Array<{ key: string; value: string }> = [];
  for (const line of block.replace(/\r\n/g, '\n').split('\n')) {
    if (/^[ \t]/.test(line) && out.length > 0) out[out.length - 1].value += `\r\n${line}`;
    else {
      const colon = line.indexOf(':');
      if (colon > 0) out.push({ key: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
    }
  }
  return out;
}

const toAddress = (a: MailAddress): MimeNodeAddress => ({ name: a.name, address: a.address });

/**
 * Writes an Outlook item as an RFC 5322 message with nodemailer's MIME composer. Original
 * delivery headers are kept verbatim (with the original From/To/Date when present); body
 * and attachments are re-encoded, and attached items become message/rfc822 parts.
 */
export async function composeEml(item: OutlookItem): Promise<Buffer> {
  const original = item.transportHeaders ? splitHeaderBlock(item.transportHeaders) : [];
  const has = new Set(original.map((h) => h.key.toLowerCase()));
  const kept = original.filter((h) => !BODY_HEADERS.test(h.key));
  const mail: MailComposerOptions = {
    // Never let content in an Outlook item make the composer read a local file or a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
    xMailer: false,
    headers: kept.map((h) => ({ key: h.key, value: { prepared: true, value: h.value } })),
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
  };
  // Outlook's own properties fill in what the delivery headers lack (drafts, sent items).
  if (!has.has('from') && item.from) mail.from = toAddress(item.from);
  if (!has.has('to') && item.to.length > 0) mail.to = item.to.map(toAddress);
  if (!has.has('cc') && item.cc.length > 0) mail.cc = item.cc.map(toAddress);
  if (!has.has('bcc') && item.bcc.length > 0) mail.bcc = item.bcc.map(toAddress);
  if (!has.has('subject') && item.subject) mail.subject = item.subject;
  if (!has.has('date') && item.date) mail.date = item.date;
  if (!has.has('message-id') && item.messageId) mail.messageId = item.messageId;
  const node = new MailComposer(mail).compile();
  node.keepBcc = true; // a Bcc the subject was on is part of their data
  return node.build();
}
