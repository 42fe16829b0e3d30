import MsgReaderModule, { type FieldsData } from '@kenjiuno/msgreader';
import { composeEml, type OutlookItem } from './compose-eml';
import { mailLimits } from './mail-limits';
import { bodyFromRtf, decompressedRtf } from './rtf-body';
import type { MailAddress } from './parse-message';

/**
 * msgreader is CommonJS with `exports.default`: under Node's ESM loader the default import is
 * the whole module object, under a bundler it is the class. Accept both.
 */
const MsgReader: typeof MsgReaderModule =
  (MsgReaderModule as unknown as { default?: typeof MsgReaderModule }).default ?? MsgReaderModule;

/** Windows code page numbers (PidTagInternetCodepage) to WHATWG encoding labels. */
export function codepageLabel(codepage: number | undefined): string {
  if (!codepage || codepage === 65001) return 'utf-8';
  if (codepage >= 1250 && codepage <= 1258) return `windows-${codepage}`;
  if (codepage >= 28591 && codepage <= 28605) return `iso-8859-${codepage - 28590}`;
  const named: Record<number, string> = { 20127: 'us-ascii', 932: 'shift_jis', 936: 'gbk', 949: 'euc-kr', 950: 'big5', 50220: 'iso-2022-jp', 51932: 'euc-jp', 20866: 'koi8-r' };
  return named[codepage] ?? 'utf-8';
}

function decodeHtml(bytes: Uint8Array, codepage: number | undefined): string {
  try {
    return new TextDecoder(codepageLabel(codepage)).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function toDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Outlook keeps Exchange-internal (X.500) addresses for colleagues; the SMTP one is what people know. */
function recipientAddress(r: FieldsData): MailAddress {
  const smtp = r.smtpAddress || (r.email && r.email.includes('@') ? r.email : '');
  // Unresolved recipients typed by hand have only a display name, which is often the address.
  const typed = !smtp && r.name && /^[^\s@<>]+@[^\s@<>]+$/.test(r.name) ? r.name : '';
  return { name: typed ? '' : (r.name ?? ''), address: smtp || typed || r.email || '' };
}

/**
 * Reads an Outlook .msg file (an OLE compound file of MAPI properties, parsed by
 * @kenjiuno/msgreader) into a neutral item. Embedded .msg attachments are read the same
 * way, as attached items, down to `mailLimits.maxAttachedMessageDepth`.
 */
export function readMsgItem(bytes: Uint8Array, depth = 0): OutlookItem {
  const reader = new MsgReader(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const data = reader.getFileData();
  if (data.error) throw new Error(`not a readable Outlook .msg file (${data.error})`);
  const recipients = data.recipients ?? [];
  const byType = (t: 'to' | 'cc' | 'bcc') => recipients.filter((r) => (r.recipType ?? 'to') === t).map(recipientAddress);
  const senderAddress = data.senderSmtpAddress || data.senderEmail || data.creatorSMTPAddress || '';
  const item: OutlookItem = {
    ...(data.headers ? { transportHeaders: data.headers } : {}),
    ...(senderAddress || data.senderName ? { from: { name: data.senderName ?? '', address: senderAddress } } : {}),
    to: byType('to'),
    cc: byType('cc'),
    bcc: byType('bcc'),
    ...(data.subject ? { subject: data.subject } : {}),
    ...(data.messageId ? { messageId: data.messageId } : {}),
    date: toDate(data.clientSubmitTime) ?? toDate(data.messageDeliveryTime) ?? toDate(data.creationTime),
    ...(data.body ? { text: data.body } : {}),
    ...(data.bodyHtml ? { html: data.bodyHtml } : data.html ? { html: decodeHtml(data.html, data.internetCodepage) } : {}),
    ...(!data.body && !data.bodyHtml && !data.html && data.compressedRtf ? (bodyFromRtf(decompressedRtf(data.compressedRtf)) ?? {}) : {}),
    attachments: [],
    attachedItems: [],
  };
  for (const att of data.attachments ?? []) {
    const file = reader.getAttachment(att);
    if (att.innerMsgContent) {
      if (depth + 1 <= mailLimits.maxAttachedMessageDepth) item.attachedItems.push(readMsgItem(file.content, depth + 1));
      continue;
    }
    item.attachments.push({
      filename: att.fileName || att.fileNameShort || file.fileName || 'attachment',
      content: Buffer.from(file.content),
      ...(att.attachMimeTag ? { contentType: att.attachMimeTag } : {}),
      ...(att.pidContentId ? { contentId: att.pidContentId } : {}),
    });
  }
  return item;
}

/** A .msg file as a faithful .eml: what is searched and what is exported are the same bytes. */
export function msgToEml(bytes: Uint8Array): Promise<Buffer> {
  return composeEml(readMsgItem(bytes));
}
