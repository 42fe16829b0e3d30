import type { Cell, MailLocation } from '../../../../shared/hit';
import type { FieldKind, SourceRecord } from '../source';
import { mailLimits } from './mail-limits';
import { addressHeaders, type ParsedMail } from './parse-message';
import { describeAttachments, formatAddressList } from './shown-fields';

/**
 * Turns a decoded message into what the matcher scores. Shown fields are the ones a DPO
 * expects on a mail (from/to/cc/date/subject, bcc and reply-to when present, the attachment
 * list); everything else is searched text. Field names say where a hit is (a header, the
 * body, an attachment, an attached message), and `kinds` tells the matcher that address
 * headers hold addresses and display names while bodies hold free text.
 */
export function toSourceRecord(mail: ParsedMail, location: MailLocation): SourceRecord {
  const fields: Record<string, Cell> = {};
  const text: Array<{ field: string; value: string }> = [];
  const kinds: Record<string, FieldKind> = {};
  const put: Put = (field, value, kind) => {
    if (value === null || value === '') return;
    kinds[field] = kind;
    text.push({ field, value: value.length > mailLimits.maxTextChars ? value.slice(0, mailLimits.maxTextChars) : value });
  };

  Object.assign(fields, mail.fields);
  for (const f of ['from', 'to', 'cc', 'bcc', 'reply-to'] as const) kinds[f] = 'addressHeader';
  kinds.subject = 'text';
  kinds.date = 'other';
  kinds.attachments = 'text';
  put('sender', formatAddressList(mail.addresses.sender), 'addressHeader');
  addContent(mail, '', put);
  mail.attached.forEach((inner, i) => addAttached(inner, `attached message ${i + 1}`, put));
  return { location, fields, text, kinds };
}

type Put = (field: string, value: string | null, kind: FieldKind) => void;

/** Display headers, bodies and attachment text of one message, under a prefix for attached ones. */
function addContent(mail: ParsedMail, prefix: string, put: Put): void {
  for (const h of mail.displayHeaders) put(`${prefix}${h.field}`, h.value, 'addressHeader');
  put(`${prefix}body`, mail.body, 'text');
  put(`${prefix}body (HTML)`, mail.htmlBody, 'text');
  for (const a of mail.attachments) {
    if (a.text) put(`${prefix}attachment "${a.name ?? a.type}"`, a.text, 'text');
  }
}

function addAttached(mail: ParsedMail, label: string, put: Put): void {
  const prefix = `${label}: `;
  for (const h of addressHeaders) put(`${prefix}${h}`, formatAddressList(mail.addresses[h]), 'addressHeader');
  put(`${prefix}date`, mail.date, 'other');
  put(`${prefix}subject`, mail.subject, 'text');
  put(`${prefix}attachments`, describeAttachments(mail.attachments), 'text');
  addContent(mail, prefix, put);
  mail.attached.forEach((inner, i) => addAttached(inner, `${label}.${i + 1}`, put));
}
