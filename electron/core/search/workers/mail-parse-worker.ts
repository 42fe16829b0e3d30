/**
 * Worker thread that decodes mbox messages for the search (see parallel-mbox.ts): the same
 * parseMessage and toSourceRecord the mailbox source uses, then the matcher itself decides
 * whether the record goes back at all: matchRecord depends only on the record and the subject
 * (its column-kind cache is a memo of a pure function), so a record it rejects here it would
 * reject on the search thread too. Messages of plain structure are decoded by a light decoder
 * instead, which skips building the records of those that cannot hold any of the subject's
 * terms. Only matching records, the problems,
 * and the addresses the alias collector counts (found here by its own aliasPairs) cross
 * back; scoring the records again there is cheap.
 */
import { parentPort } from 'node:worker_threads';
import { parseMessage } from '../../sources/mail/parse-message';
import { toSourceRecord } from '../../sources/mail/mail-record';
import { matchRecord } from '../../match/match-record';
import { prepareSubject, type PreparedSubject } from '../../match/prepare';
import { aliasPairs } from '../../sources/mail/aliases';
import { itemResult, type MailBatch, type MailBatchReply, type MailItemResult } from './mail-batch';
import { decodeLight } from '../prefilter/mail-light-decode';

let prepared: { key: string; subject: PreparedSubject } | null = null;

function subjectOf(batch: MailBatch): PreparedSubject {
  const key = JSON.stringify(batch.subject);
  if (prepared?.key !== key) prepared = { key, subject: prepareSubject(batch.subject) };
  return prepared.subject;
}

async function decode(item: MailBatch['items'][number], subject: PreparedSubject): Promise<MailItemResult> {
  // Nearly every message has a plain structure, which a light decode reads exactly, and most
  // hold none of the subject's terms, which it proves without building their records
  // (search/prefilter/mail-light-decode.ts). The rest go through the full parser.
  const light = await decodeLight(item.raw, subject).catch(() => null);
  if (light) {
    const problems = light.problems.map((p) => `${item.where}: ${p}`);
    const pairs = aliasPairs({ ...light, attached: [] }, subject);
    if (!light.mail) return itemResult(problems, pairs, null);
    const record = toSourceRecord(light.mail, { ...item.location, ...(light.mail.messageId ? { messageId: light.mail.messageId } : {}) });
    return itemResult(problems, pairs, matchRecord(record, subject) !== null ? record : null);
  }
  try {
    const mail = await parseMessage(item.raw);
    const record = toSourceRecord(mail, { ...item.location, ...(mail.messageId ? { messageId: mail.messageId } : {}) });
    const problems = mail.problems.map((p) => `${item.where}: ${p}`);
    return itemResult(problems, aliasPairs(mail, subject), matchRecord(record, subject) !== null ? record : null);
  } catch (err) {
    return itemResult([`${item.where} could not be decoded (${(err as Error).message}); it was skipped`], [], null);
  }
}

parentPort?.on('message', (batch: MailBatch) => {
  void (async () => {
    const results: MailItemResult[] = [];
    const subject = subjectOf(batch);
    for (const item of batch.items) results.push(await decode(item, subject));
    const reply: MailBatchReply = { id: batch.id, results };
    parentPort?.postMessage(reply);
  })().catch((err: unknown) => parentPort?.postMessage({ id: batch.id, error: (err as Error).message }));
});
