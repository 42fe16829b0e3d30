import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Language } from '../../../shared/contract';
import { exportStepsFor, type ExportStep } from '../../../shared/export-progress';
import { AppError } from '../../../shared/errors';
import type { Confidence } from '../../../shared/hit';
import { formatsProblem, normaliseFormats, type PackageFormat } from '../../../shared/package-formats';
import type { SearchResult } from '../../../shared/search';
import type { Controller, SourceConfig } from '../../../shared/workspace';
import { writeDataJson } from './data-json';
import { dataSchema } from './data-schema';
import type { HitFeed } from './hit-feed';
import { renderLetterAside } from './letter-aside';
import { partialName, removeDeadLeftovers, stagingPrefix } from './leftovers';
import { stageMailFiles } from './mail-files';
import { countBy, planPackage } from './package-plan';
import { manifestSources, type Manifest } from './manifest';
import type { PackageReview } from './review';
import { sharedReads } from './shared-read';
import { Staging } from './staging';
import { composeReadme, loadTexts } from './texts';
import { verifyZip, type Verification } from './verify';
import { stageSpreadsheet } from './xlsx-aside';
import { writeZip } from './zip';
import { writePackedZip } from './zip-writer';

export interface BuildPackageInput {
  outFile: string;
  result: SearchResult;
  /** Where the hits are read from when they are not all in memory (a stored case); `result.hits` otherwise. */
  feed?: HitFeed;
  sources: readonly SourceConfig[];
  controller: Controller;
  lang: Language;
  minConfidence: Confidence;
  /** The case register's reference, shown in the letter and recorded in the manifest. */
  caseRef?: string | null;
  /**
   * The SHA-256 of each original message as it was when the hits were reviewed, by hit id (a
   * stored case keeps them). An original whose staged bytes differ, or that can no longer be
   * read, stops the export: the mailbox changed, and the file could be another message.
   */
  fingerprints?: ReadonlyMap<string, string>;
  /** A reviewer's decisions and redactions (see review.ts). Without one, the automatic rule applies. */
  review?: PackageReview;
  allowIncomplete?: boolean;
  /** What goes in besides letter, readme and manifest (json, xlsx, eml); all three when not given. */
  formats?: readonly PackageFormat[];
  /** Encrypts the ZIP with AES-256 under this passphrase (sent to the person separately). */
  password?: string;
  resourcesDir: string;
  tool: { name: string; version: string };
  now?: Date;
  /** Cancels the export; nothing is left behind at `outFile` or in its folder. */
  signal?: AbortSignal;
  /** Called as each step finishes, so the app can show a determinate bar. */
  onProgress?: (p: { step: ExportStep; done: number; total: number }) => void;
}

export interface BuiltPackage {
  file: string;
  /** Size of the ZIP in bytes. */
  size: number;
  manifest: Manifest;
  /** Every entry was read back from the ZIP (decrypted if encrypted) and matched the manifest. */
  verified: boolean;
  verification: Verification;
}

/**
 * Builds the answer package: stage every file, hash them into the manifest, zip, read the
 * ZIP back and check each entry against the manifest, and only then move it into place. The
 * staging folder and the partial ZIP live next to `outFile` (same file system, so the final
 * rename is atomic) and are removed whatever happens: a failed or cancelled export leaves no
 * partial ZIP behind.
 */
export async function buildPackage(input: BuildPackageInput): Promise<BuiltPackage> {
  // A partial source skipped something it could not read (a malformed line, a damaged
  // message): the answer may miss data just as with a failed source, so both need consent.
  const failed = input.result.sources.filter((s) => s.status !== 'ok');
  if (failed.length > 0 && !input.allowIncomplete) {
    const describe = (s: (typeof failed)[number]) => `${s.id}${s.status === 'partial' ? ' (read only in part)' : ''}`;
    throw new AppError(
      'INCOMPLETE',
      `Not exported: ${failed.length} source(s) could not be searched completely (${failed.map(describe).join(', ')}), so the answer could be incomplete. ` +
        'Nothing was written. Fix the source and search again, or export anyway with --allow-incomplete (the manifest then records the problems).',
    );
  }
  if (input.password !== undefined && input.password.length < 8) {
    throw new AppError('INVALID_INPUT', 'The passphrase for an encrypted package must be at least 8 characters. Nothing was written.');
  }
  const problem = input.formats ? formatsProblem(input.formats) : null;
  if (problem) throw new AppError('INVALID_INPUT', `${problem} Nothing was written.`);
  const formats = normaliseFormats(input.formats);
  const outFile = path.resolve(input.outFile);
  const outDir = path.dirname(outFile);
  await mkdir(outDir, { recursive: true });
  await removeDeadLeftovers(outDir);
  const staging = await mkdtemp(path.join(outDir, stagingPrefix()));
  const partial = path.join(outDir, partialName(outFile, randomBytes(4).toString('hex')));
  const signal = input.signal;
  let settle = async () => undefined as void;
  const steps = exportStepsFor(formats);
  const finished = (step: ExportStep) => {
    const done = steps.indexOf(step) + 1;
    if (done > 0) input.onProgress?.({ step, done, total: steps.length });
  };
  try {
    const texts = await loadTexts(input.resourcesDir, input.lang);
    const now = input.now ?? new Date();
    const generatedAt = now.toISOString();
    const caseRef = input.caseRef ?? null;
    const { selection, searched, groups, includedBySource, letter } = planPackage({ ...input, caseRef, texts, now, formats });
    // The letter depends only on the plan: it is laid out beside everything below (letter-aside.ts).
    const letterPdf = renderLetterAside(letter, signal);
    letterPdf.catch(() => undefined); // awaited below; a failure before then is reported by what failed first
    // Each file is hashed as it is staged, small ones stay in memory, and for a plain ZIP each
    // is compressed in the thread pool while the next is made (staging.ts, zip-writer.ts).
    const staged = new Staging(staging, signal, !input.password);
    settle = () => staged.settle();

    // Without eml, mail hits are still in data.json/data.xlsx; no row points at an .eml file.
    const mail = formats.includes('eml')
      ? await stageMailFiles({
          groups,
          sources: searched,
          subjectsInNames: !input.password,
          stage: async (name, content) => (await staged.content(name, content)).sha256,
          fingerprints: input.fingerprints,
          signal,
        })
      : { emlPaths: new Map<string, string>(), withheld: 0 };
    if (selection.review) selection.review.messagesWithoutOriginal = mail.withheld;
    // The rest are a few files, compressed in the thread pool: the worker for e-mails can go.
    staged.smallFilesStaged();
    finished('mail');

    // data.json and data.xlsx are written side by side from one read of each hit (shared-read.ts).
    const writers = formats.filter((f) => f === 'json' || f === 'xlsx').length;
    const shared = sharedReads(selection.read, writers);
    const writing: Array<Promise<unknown>> = [];
    if (formats.includes('json')) {
      writing.push(
        staged.stream('data/data.json', (sink) =>
          writeDataJson({ generatedAt, caseRef, subject: input.result.subject, sources: searched, groups, emlPaths: mail.emlPaths, read: shared.read, signal }, sink),
        ),
        staged.content('data/schema.json', Buffer.from(`${JSON.stringify(dataSchema, null, 2)}\n`)),
      );
    }
    if (formats.includes('xlsx')) {
      const xlsx = {
        texts,
        sources: searched,
        results: input.result.sources,
        includedBySource,
        groups,
        emlPaths: mail.emlPaths,
        withOriginals: formats.includes('eml'),
        read: shared.read,
        signal,
      };
      writing.push(stageSpreadsheet(staged, 'data/data.xlsx', xlsx, selection.included.length));
    }
    // Every writer is let finish or fail before the staging folder can be removed; the first
    // failure stops the other at its next batch.
    const stopOthers = (err: unknown) => {
      shared.fail(err);
      throw err;
    };
    const written = await Promise.allSettled(writing.map((w) => w.catch(stopOthers)));
    const failure = written.find((w) => w.status === 'rejected');
    if (failure) throw failure.reason;
    signal?.throwIfAborted();
    finished('data');
    finished('spreadsheet');
    await staged.content(texts.fileName, await letterPdf);
    await staged.content(texts.readmeName, Buffer.from(composeReadme(texts, formats), 'utf8'));
    finished('letter');

    const files = staged.entries.map((e) => ({ path: e.name, size: e.size, sha256: e.sha256 }));
    const manifest: Manifest = {
      tool: input.tool,
      generatedAt,
      caseRef,
      language: input.lang,
      minConfidence: input.minConfidence,
      subject: input.result.subject,
      complete: failed.length === 0,
      encryption: input.password ? 'aes-256' : null,
      review: selection.review,
      formats,
      sources: manifestSources(
        input.sources,
        input.result.sources,
        includedBySource,
        countBy(selection.heldBack.map((h) => h.hit.source)),
        countBy(selection.excluded.map((e) => e.hit.source)),
      ),
      files,
    };
    const manifestHash = await staged.content('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    finished('manifest');

    const order = (n: string) => (n === texts.fileName ? 0 : n === texts.readmeName ? 1 : n === 'manifest.json' ? 2 : 3);
    const entries = [...staged.entries].sort((a, b) => order(a.name) - order(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (input.password) await writeZip(partial, entries, { date: now, password: input.password, signal });
    else await writePackedZip(partial, entries.map((e) => ({ name: e.name, packed: e.packed! })), { date: now, signal });
    // Every entry is packed: the compression worker is not needed for the read-back.
    staged.close();
    signal?.throwIfAborted();
    finished('zip');
    const verification = await verifyZip(partial, manifest, manifestHash, input.password, signal);
    signal?.throwIfAborted();
    await rename(partial, outFile);
    finished('verify');
    return { file: outFile, size: (await stat(outFile)).size, manifest, verified: true, verification };
  } catch (err) {
    if (signal?.aborted) throw new AppError('CANCELLED', 'The export was cancelled. No package was written, and nothing else was changed.');
    throw err;
  } finally {
    await settle();
    await rm(staging, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}
