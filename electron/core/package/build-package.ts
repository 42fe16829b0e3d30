import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Language } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Confidence } from '../../../shared/hit';
import type { SearchResult } from '../../../shared/search';
import type { Controller, SourceConfig } from '../../../shared/workspace';
import { readOriginalMessage } from '../sources/mail/original';
import { composeCoverLetter } from './cover-letter';
import { writeCoverLetterPdf } from './cover-letter-pdf';
import { writeDataJson } from './data-json';
import { dataSchema } from './data-schema';
import { groupHits } from './grouping';
import { selectHits } from './included';
import { hashFile, manifestSources, type Manifest } from './manifest';
import { safeName } from './safe-name';
import { fill, loadTexts } from './texts';
import { writeXlsx } from './xlsx';
import { hashZipEntries, writeZip } from './zip';

export interface BuildPackageInput {
  outFile: string;
  result: SearchResult;
  sources: readonly SourceConfig[];
  controller: Controller;
  lang: Language;
  minConfidence: Confidence;
  caseRef?: string | null;
  allowIncomplete?: boolean;
  resourcesDir: string;
  tool: { name: string; version: string };
  now?: Date;
}

export interface BuiltPackage {
  file: string;
  manifest: Manifest;
  /** Every entry was read back from the ZIP and matched the manifest. */
  verified: boolean;
}

/**
 * Builds the answer package: stage every file, hash them into the manifest, zip, read the
 * ZIP back and check each entry against the manifest, and only then move it into place. A
 * failure at any step leaves no partial ZIP at `outFile`.
 */
export async function buildPackage(input: BuildPackageInput): Promise<BuiltPackage> {
  const failed = input.result.sources.filter((s) => s.status === 'error');
  if (failed.length > 0 && !input.allowIncomplete) {
    throw new AppError(
      'INCOMPLETE',
      `Not exported: ${failed.length} source(s) could not be searched (${failed.map((s) => s.id).join(', ')}), so the answer would be incomplete. ` +
        'Fix the source and search again, or export anyway with --allow-incomplete (the manifest then records the failure).',
    );
  }
  const outFile = path.resolve(input.outFile);
  const outDir = path.dirname(outFile);
  await mkdir(outDir, { recursive: true });
  const staging = await mkdtemp(path.join(outDir, '.innsyn-staging-'));
  const partial = path.join(outDir, `.${path.basename(outFile)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    const texts = await loadTexts(input.resourcesDir, input.lang);
    const now = input.now ?? new Date();
    const { included, heldBack } = selectHits(input.result.hits, input.minConfidence);
    const searched = input.sources.filter((s) => input.result.sources.some((r) => r.id === s.id));
    const groups = groupHits(
      input.result.sources.map((s) => s.id),
      included,
    );
    const entries: Array<{ name: string; file: string }> = [];
    const stage = async (name: string, write: (file: string) => Promise<void>) => {
      const file = path.join(staging, ...name.split('/'));
      await mkdir(path.dirname(file), { recursive: true });
      await write(file);
      entries.push({ name, file });
    };

    // Original e-mails, as the bytes the mailbox holds.
    const emlPaths = new Map<string, string>();
    for (const group of groups) {
      const cfg = searched.find((s) => s.id === group.id);
      if (!cfg || !('path' in cfg)) continue;
      for (const [i, hit] of group.messages.entries()) {
        const subjectLine = typeof hit.record.subject === 'string' ? hit.record.subject : '';
        const name = `mail/${safeName(group.id, 40, 'source')}/${String(i + 1).padStart(4, '0')}-${safeName(subjectLine, 60, 'message')}.eml`;
        const raw = await readOriginalMessage(cfg.path, hit.location);
        await stage(name, (f) => writeFile(f, raw));
        emlPaths.set(hit.id, name);
      }
    }

    const includedBySource = countBy(included.map((h) => h.source));
    const heldBackBySource = countBy(heldBack.map((h) => h.hit.source));
    const generatedAt = now.toISOString();
    const caseRef = input.caseRef ?? null;
    await stage('data/data.json', (file) =>
      writeDataJson({ file, generatedAt, caseRef, subject: input.result.subject, sources: searched, groups, emlPaths }),
    );
    await stage('data/schema.json', (file) => writeFile(file, `${JSON.stringify(dataSchema, null, 2)}\n`));
    await stage('data/data.xlsx', (file) =>
      writeXlsx({ file, texts, sources: searched, results: input.result.sources, includedBySource, groups, emlPaths }),
    );
    const foundIn = searched.filter((s) => (includedBySource.get(s.id) ?? 0) > 0);
    const letter = composeCoverLetter({
      texts,
      controller: input.controller,
      subject: input.result.subject,
      caseRef,
      date: now,
      lang: input.lang,
      searchedSources: searched,
      foundIn,
      thirdPartyWithheld: heldBack.some((h) => h.hit.thirdParty),
    });
    await stage(texts.fileName, (file) => writeCoverLetterPdf(letter, file));
    const readme = texts.readme.map((l) => fill(l, { letterFile: texts.fileName })).join('\r\n');
    await stage(texts.readmeName, (file) => writeFile(file, `${readme}\r\n`, 'utf8'));

    const files = [];
    for (const e of entries) files.push({ path: e.name, ...(await hashFile(e.file)) });
    const manifest: Manifest = {
      tool: input.tool,
      generatedAt,
      caseRef,
      language: input.lang,
      minConfidence: input.minConfidence,
      subject: input.result.subject,
      complete: failed.length === 0,
      sources: manifestSources(input.sources, input.result.sources, includedBySource, heldBackBySource),
      files,
    };
    await stage('manifest.json', (file) => writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`));

    const order = (n: string) => (n === texts.fileName ? 0 : n === texts.readmeName ? 1 : n === 'manifest.json' ? 2 : 3);
    entries.sort((a, b) => order(a.name) - order(b.name) || a.name.localeCompare(b.name));
    await writeZip(partial, entries);
    await verifyZip(partial, manifest);
    await rename(partial, outFile);
    return { file: outFile, manifest, verified: true };
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}

/** Re-reads the written ZIP and checks that every manifest entry is there, unchanged. */
async function verifyZip(zipFile: string, manifest: Manifest): Promise<void> {
  const actual = await hashZipEntries(zipFile);
  const problems: string[] = [];
  for (const f of manifest.files) {
    const got = actual.get(f.path);
    if (!got) problems.push(`${f.path} is missing`);
    else if (got.sha256 !== f.sha256 || got.size !== f.size) problems.push(`${f.path} does not match its checksum`);
  }
  if (!actual.has('manifest.json')) problems.push('manifest.json is missing');
  if (actual.size !== manifest.files.length + 1) problems.push('the ZIP holds files the manifest does not list');
  if (problems.length > 0) {
    throw new AppError('INTERNAL', `The package failed verification after writing and was discarded: ${problems.join('; ')}.`, problems);
  }
}

function countBy(keys: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}
