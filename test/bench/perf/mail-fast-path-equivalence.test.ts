import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runSearch } from '../../../electron/core/search/run-search';
import { mboxWorkerTuning } from '../../../electron/core/search/workers/parallel-mbox';
import type { Subject } from '../../../shared/subject';
import { corpus, missingCorpus } from '../../helpers/corpora';
import { tempDir } from '../../helpers/temp';
import { generateMail } from './data/gen-mail';
import { benchSubject } from './data/subject';
import { trickyMbox, trickyMessages } from './mail-tricky-corpus';

/**
 * The mailbox fast path (messages decoded in worker threads, non-matching ones dropped there)
 * must give exactly what the in-process path gives: hits, problems, alias suggestions and
 * counts. The mailbox mixes the benchmark's messages (quoted-printable in UTF-8 and
 * ISO-8859-1, base64 bodies, RFC 2047 Q and B display names, attachments, the subject planted
 * in each form) with every .eml fixture of three mail parsers' test suites and the messages
 * made to trip the light decoder (mail-tricky-corpus.ts), which skips the full parse of
 * messages of plain structure and the records of those that cannot match; as one mbox read by
 * workers and in-process, and as a folder of message files.
 */
const skip = missingCorpus('mime-fixtures') ?? missingCorpus('norwegian-names-addresses');
const savedEnv = process.env.INNSYN_FAST_PATH;
const savedMin = mboxWorkerTuning.minBytes;
afterEach(() => {
  if (savedEnv === undefined) delete process.env.INNSYN_FAST_PATH;
  else process.env.INNSYN_FAST_PATH = savedEnv;
  mboxWorkerTuning.minBytes = savedMin;
});

function emlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return emlFiles(full);
    return e.name.endsWith('.eml') && statSync(full).size < 2_000_000 ? [full] : [];
  });
}

async function mailbox(dir: string): Promise<{ file: string; folder: string }> {
  const generated = path.join(dir, 'generated.mbox');
  await generateMail(generated, path.join(dir, 'Maildir'), 240);
  const parts = [readFileSync(generated, 'latin1'), trickyMbox()];
  for (const [i, f] of emlFiles(corpus('mime-fixtures')).sort().entries()) {
    const text = readFileSync(f, 'latin1').replace(/\r\n/g, '\n').replace(/^(>*From )/gm, '>$1');
    parts.push(`From fixture-${i}@innsyn.example Thu Jan  1 00:00:00 2015\n${text}${text.endsWith('\n') ? '' : '\n'}\n`);
  }
  const file = path.join(dir, 'mixed.mbox');
  writeFileSync(file, parts.join(''), 'latin1');
  // The same kinds of messages as a folder of message files (read in-process, one by one).
  for (const [i, m] of trickyMessages().entries()) writeFileSync(path.join(dir, 'Maildir', 'cur', `tricky-${i}.eml`), m);
  return { file, folder: path.join(dir, 'Maildir') };
}

/** workers: the mbox decoded in worker threads (the default for a large mbox), else in-process. */
async function search(file: string, subject: Subject, fast: boolean, workers = true) {
  process.env.INNSYN_FAST_PATH = fast ? 'on' : 'off';
  mboxWorkerTuning.minBytes = workers ? 0 : Number.POSITIVE_INFINITY;
  const r = await runSearch({ sources: [{ id: 'mail', kind: 'mailbox', path: file }], subject });
  const s = r.sources[0];
  return { hits: r.hits, suggestions: r.suggestions ?? [], status: s.status, scanned: s.scanned, problems: s.problems ?? [], error: s.error };
}

describe.skipIf(skip !== null)('mailbox fast path equals the simple path', () => {
  it('same hits, problems, suggestions and counts on encoded and malformed messages', { timeout: 240_000 }, async () => {
    const { file, folder } = await mailbox(tempDir('innsyn-mail-fast-'));
    const subjects: Subject[] = [
      benchSubject,
      { names: ['Test User', 'Jørn Støylen'], emails: ['bob@example.com'], phones: [], nationalIds: [], others: [] },
      { names: ['Mikel Lindsaar', 'Sunniva Bjørnstad'], emails: [], phones: ['12 34 56 78'], nationalIds: [], others: ['kunde 4711'] },
    ];
    for (const [i, subject] of subjects.entries()) {
      const simple = await search(file, subject, false);
      expect(simple.hits.length).toBeGreaterThan(0);
      expect(await search(file, subject, true)).toEqual(simple);
      // A small mbox, and message files, are decoded in-process, with the light decoder too.
      expect(await search(file, subject, true, false)).toEqual(simple);
      const simpleFolder = await search(folder, subject, false);
      if (i === 0) expect(simpleFolder.hits.length).toBeGreaterThan(0);
      expect(await search(folder, subject, true)).toEqual(simpleFolder);
    }
  });
});
