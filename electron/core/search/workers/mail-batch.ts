import type { MailLocation } from '../../../../shared/hit';
import type { Subject } from '../../../../shared/subject';
import type { SourceRecord } from '../../sources/source';
import type { ParsedMail } from '../../sources/mail/parse-message';

/** What the search thread sends a mail worker: raw messages, in mailbox order. */
export interface MailBatch {
  id: number;
  subject: Subject;
  items: Array<{ raw: Uint8Array; location: MailLocation; where: string }>;
}

/** Per message: its problems, what the alias collector reads, and the record if it may match. */
export interface MailItemResult {
  problems: string[];
  aliases: AliasView | null;
  record: SourceRecord | null;
}

export interface MailBatchReply {
  id: number;
  results?: MailItemResult[];
  error?: string;
}

/** The parts of a parsed message that AliasCollector.add reads (addresses, X-From, attached messages). */
export type AliasView = Pick<ParsedMail, 'addresses' | 'displayHeaders'> & { attached: AliasView[] };

export function slimForAliases(mail: ParsedMail): AliasView {
  return {
    addresses: mail.addresses,
    displayHeaders: mail.displayHeaders.filter((h) => h.field === 'x-from'),
    attached: mail.attached.map(slimForAliases),
  };
}

/** Back into the shape AliasCollector.add takes; the fields it does not read stay empty. */
export function aliasMail(view: AliasView): ParsedMail {
  return {
    date: null,
    subject: null,
    addresses: view.addresses,
    displayHeaders: view.displayHeaders,
    body: null,
    htmlBody: null,
    attachments: [],
    attached: view.attached.map(aliasMail),
    structure: [],
    problems: [],
    fields: {},
  };
}
