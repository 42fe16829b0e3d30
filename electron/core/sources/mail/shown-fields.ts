import type { Cell } from '../../../../shared/hit';
import type { MailAddress, MailAttachment } from './parse-message';

/** "Name <address>" as written in mail clients; a bare address when there is no name. */
export function formatAddressList(list: readonly MailAddress[]): string | null {
  const parts = list.map((a) => (a.name && a.address ? `${a.name} <${a.address}>` : a.address || a.name)).filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : null;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Binary attachments are listed, never searched inside: "photo.jpg (image/jpeg, 48 KB)". */
export function describeAttachments(list: readonly MailAttachment[]): string | null {
  if (list.length === 0) return null;
  return list.map((a) => `${a.name ?? '(no name)'} (${a.type}, ${formatSize(a.size)})`).join('; ');
}

/**
 * What a DPO sees of a message in the hit list and the package: from/to/cc/date/subject
 * always, bcc, reply-to and the attachment list only when the message has them.
 */
export function shownFields(mail: {
  addresses: Record<'from' | 'to' | 'cc' | 'bcc' | 'reply-to', readonly MailAddress[]>;
  date: string | null;
  subject: string | null;
  attachments: readonly MailAttachment[];
}): Record<string, Cell> {
  const fields: Record<string, Cell> = {
    from: formatAddressList(mail.addresses.from),
    to: formatAddressList(mail.addresses.to),
    cc: formatAddressList(mail.addresses.cc),
    date: mail.date,
    subject: mail.subject,
  };
  const bcc = formatAddressList(mail.addresses.bcc);
  if (bcc) fields.bcc = bcc;
  const replyTo = formatAddressList(mail.addresses['reply-to']);
  if (replyTo) fields['reply-to'] = replyTo;
  const attachments = describeAttachments(mail.attachments);
  if (attachments) fields.attachments = attachments;
  return fields;
}
