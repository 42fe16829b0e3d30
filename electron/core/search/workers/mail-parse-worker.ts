/**
 * Worker thread that decodes mbox messages for the search (see parallel-mbox.ts): the same
 * parseMessage and toSourceRecord the mailbox source uses, then the matcher itself decides
 * whether the record goes back at all: matchRecord depends only on the record and the subject
 * (its column-kind cache is a memo of a pure function), so a record it rejects here it would
 * reject on the search thread too. Only matching records, the problems, and the address
 * lists the alias collector needs cross back; scoring them again there is cheap.
 */
import { parentPort } from 'node:worker_threads';
import { parseMessage } from '../../sources/mail/parse-message';
import { toSourceRecord } from '../../sources/mail/mail-record';
import { matchRecord } from '../../match/match-record';
import { prepareSubject, type PreparedSubject } from '../../match/prepare';
import type { MailBatch, MailBatchReply, MailItemResult } from './mail-batch';
import { slimForAliases } from './mail-batch';
import { runInBackground } from './background-priority';

runInBackground();

let prepared: { key: string; subject: PreparedSubject } | null = null;

function subjectOf(batch: MailBatch): PreparedSubject {
  const key = JSON.stringify(batch.subject);
  if (prepared?.key !== key) prepared = { key, subject: prepareSubject(batch.subject) };
  return prepared.subject;
}

async function decode(item: MailBatch['items'][number], batch: MailBatch): Promise<MailItemResult> {
  try {
    const mail = await parseMessage(item.raw);
    const record = toSourceRecord(mail, { ...item.location, ...(mail.messageId ? { messageId: mail.messageId } : {}) });
    return {
      problems: mail.problems.map((p) => `${item.where}: ${p}`),
      aliases: slimForAliases(mail),
      record: matchRecord(record, subjectOf(batch)) !== null ? record : null,
    };
  } catch (err) {
    return { problems: [`${item.where} could not be decoded (${(err as Error).message}); it was skipped`], aliases: null, record: null };
  }
}

parentPort?.on('message', (batch: MailBatch) => {
  void (async () => {
    const results: MailItemResult[] = [];
    for (const item of batch.items) results.push(await decode(item, batch));
    const reply: MailBatchReply = { id: batch.id, results };
    parentPort?.postMessage(reply);
  })().catch((err: unknown) => parentPort?.postMessage({ id: batch.id, error: (err as Error).message }));
});
