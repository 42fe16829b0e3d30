import { PSTFile, type PSTFolder, type PSTMessage } from 'pst-extractor';
import { composeEml, type OutlookItem } from './compose-eml';
import { mailLimits } from './mail-limits';
import { bodyFromRtf } from './rtf-body';
import type { MailAddress } from './parse-message';

/** One item found in a PST/OST: where it is and the item itself. */
export interface PstEntry {
  /** Folder path below the store root, names joined with "/" ("Top of Personal Folders/Inbox"); a "/" inside a name is written %2F. */
  folder: string;
  /** 0-based position of the item inside its folder. */
  index: number;
  message: PSTMessage;
}

/** Folder names may contain "/", so each name is escaped before joining. */
const escapeName = (name: string) => name.replace(/%/g, '%25').replace(/\//g, '%2F');
const unescapeName = (name: string) => name.replace(/%2F/g, '/').replace(/%25/g, '%');

const RECIPIENT_TYPE: Record<number, 'to' | 'cc' | 'bcc'> = { 1: 'to', 2: 'cc', 3: 'bcc' };

/** An address people know: Exchange-internal X.500 paths are dropped in favour of SMTP. */
function smtpOrEmpty(...candidates: string[]): string {
  return candidates.find((c) => c && c.includes('@') && !c.startsWith('/')) ?? '';
}

function attachmentBytes(att: ReturnType<PSTMessage['getAttachment']>): Buffer | null {
  const stream = att.fileInputStream;
  if (!stream) return null;
  const size = stream.length.toNumber();
  if (size > mailLimits.maxMessageBytes) throw new Error(`attachment larger than ${mailLimits.maxMessageBytes} bytes`);
  const buf = Buffer.alloc(size);
  stream.readCompletely(buf);
  return buf;
}

/** MAPI properties of one PST item into the neutral item that is written as .eml. */
export function pstItem(m: PSTMessage, depth = 0): OutlookItem {
  const recipients: Record<'to' | 'cc' | 'bcc', MailAddress[]> = { to: [], cc: [], bcc: [] };
  for (let i = 0; i < m.numberOfRecipients; i++) {
    const r = m.getRecipient(i);
    if (!r) continue;
    recipients[RECIPIENT_TYPE[r.recipientType] ?? 'to'].push({ name: r.displayName ?? '', address: smtpOrEmpty(r.smtpAddress, r.emailAddress) });
  }
  const date = m.clientSubmitTime ?? m.messageDeliveryTime ?? undefined;
  const item: OutlookItem = {
    ...(m.transportMessageHeaders ? { transportHeaders: m.transportMessageHeaders } : {}),
    from: { name: m.senderName ?? '', address: smtpOrEmpty(m.senderEmailAddress, m.sentRepresentingEmailAddress) },
    ...recipients,
    ...(m.subject ? { subject: m.subject } : {}),
    ...(m.internetMessageId ? { messageId: m.internetMessageId } : {}),
    ...(date ? { date } : {}),
    ...(m.body ? { text: m.body } : {}),
    ...(m.bodyHTML ? { html: m.bodyHTML } : {}),
    ...(!m.body && !m.bodyHTML && m.bodyRTF ? (bodyFromRtf(m.bodyRTF) ?? {}) : {}),
    attachments: [],
    attachedItems: [],
  };
  for (let i = 0; i < m.numberOfAttachments; i++) {
    const att = m.getAttachment(i);
    const embedded = att.embeddedPSTMessage;
    if (embedded) {
      if (depth + 1 <= mailLimits.maxAttachedMessageDepth) item.attachedItems.push(pstItem(embedded, depth + 1));
      continue;
    }
    const filename = att.longFilename || att.filename || `attachment ${i + 1}`;
    let content: Buffer | null;
    try {
      content = attachmentBytes(att);
    } catch (err) {
      (item.omissions ??= []).push(`attachment "${filename}" was left out (${(err as Error).message})`);
      continue;
    }
    if (!content) continue;
    item.attachments.push({
      filename,
      content,
      ...(att.mimeTag ? { contentType: att.mimeTag } : {}),
      ...(att.contentId ? { contentId: att.contentId } : {}),
    });
  }
  return item;
}

/** The item as .eml, and what had to be left out of it (reported, never silent). */
export async function pstItemToEml(m: PSTMessage): Promise<{ eml: Buffer; omissions: string[] }> {
  const item = pstItem(m);
  return { eml: await composeEml(item), omissions: item.omissions ?? [] };
}

/**
 * Walks every folder of a PST or OST (pst-extractor reads the file through a descriptor,
 * not whole into memory) and yields every item: mail, but also contacts, meetings and
 * tasks, which hold personal data too.
 */
export function* walkPst(pst: PSTFile, signal: AbortSignal): Generator<PstEntry> {
  const walk = function* (folder: PSTFolder, path: string[]): Generator<PstEntry> {
    if (folder.contentCount > 0) {
      let index = 0;
      for (let m = folder.getNextChild() as PSTMessage | null; m; m = folder.getNextChild() as PSTMessage | null) {
        if (signal.aborted) return;
        yield { folder: path.join('/'), index: index++, message: m };
      }
    }
    if (folder.hasSubfolders) for (const sub of folder.getSubFolders()) yield* walk(sub, [...path, escapeName(sub.displayName)]);
  };
  yield* walk(pst.getRootFolder(), []);
}

/** Finds the item a hit points at again, for export; null when the PST changed since the search. */
export function findPstItem(pst: PSTFile, folderPath: string, index: number): PSTMessage | null {
  let folder = pst.getRootFolder();
  for (const name of folderPath ? folderPath.split('/').map(unescapeName) : []) {
    const next = folder.hasSubfolders ? folder.getSubFolders().find((f) => f.displayName === name) : undefined;
    if (!next) return null;
    folder = next;
  }
  if (index >= folder.contentCount) return null;
  folder.moveChildCursorTo(index);
  return (folder.getNextChild() as PSTMessage | null) ?? null;
}

export function openPst(file: string): PSTFile {
  return new PSTFile(file);
}
