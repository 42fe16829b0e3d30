/**
 * Worker thread that decodes mbox messages for the search (see parallel-mbox.ts): the same
 * parseMessage and toSourceRecord the mailbox source uses, then the matcher itself decides
 * whether the record goes back at all: matchRecord depends only on the record and the subject
 * (its column-kind cache is a memo of a pure function), so a record it rejects here it would
 * reject on the search thread too. Before that, a light decode skips the full parse of
 * messages that cannot hold any of the subject's terms. Only matching records, the problems, and the address
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
import { precheckMail } from '../prefilter/mail-precheck';

runInBackground();

let prepared: { key: string; subject: PreparedSubject } | null = null;

function subjectOf(batch: MailBatch): PreparedSubject {
  const key = JSON.stringify(batch.subject);
  if (prepared?.key !== key) prepared = { key, subject: prepareSubject(batch.subject) };
  return prepared.subject;
}

async function decode(item: MailBatch['items'][number], batch: MailBatch): Promise<MailItemResult> {
  const subject = subjectOf(batch);
  // Most messages hold none of the subject's terms: a light decode proves it for them, and
  // gives the same problems and alias input the full parse would (search/prefilter/mail-precheck.ts).
  const skipped = await precheckMail(item.raw, subject).catch(() => null);
  if (skipped) {
    return {
      problems: skipped.problems.map((p) => `${item.where}: ${p}`),
      aliases: { addresses: skipped.addresses, displayHeaders: skipped.displayHeaders.filter((h) => h.field === 'x-from'), attached: [] },
      record: null,
    };
  }
  try {
    const mail = await parseMessage(item.raw);
    const record = toSourceRecord(mail, { ...item.location, ...(mail.messageId ? { messageId: mail.messageId } : {}) });
    return {
      problems: mail.problems.map((p) => `${item.where}: ${p}`),
      aliases: slimForAliases(mail),
      record: matchRecord(record, subject) !== null ? record : null,
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
