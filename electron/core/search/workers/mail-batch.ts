import type { MailLocation } from '../../../../shared/hit';
import type { Subject } from '../../../../shared/subject';
import type { SourceRecord } from '../../sources/source';
import type { AliasPair } from '../../sources/mail/aliases';

/** What the search thread sends a mail worker: raw messages, in mailbox order. */
export interface MailBatch {
  id: number;
  subject: Subject;
  items: Array<{ raw: Uint8Array; location: MailLocation; where: string }>;
}

/**
 * Per message: its problems, the addresses the alias collector counts (aliasPairs, run in the
 * worker), and the record if it matched; null when there is none of these, which is most
 * messages, so a reply is mostly nulls and cheap to copy between threads.
 */
export type MailItemResult = {
  problems: string[];
  aliases: AliasPair[];
  record: SourceRecord | null;
} | null;

export interface MailBatchReply {
  id: number;
  results?: MailItemResult[];
  error?: string;
}

/** The result for one message, or null when it has nothing to report. */
export function itemResult(problems: string[], aliases: AliasPair[], record: SourceRecord | null): MailItemResult {
  return problems.length === 0 && aliases.length === 0 && record === null ? null : { problems, aliases, record };
}
