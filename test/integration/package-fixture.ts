import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Hit, SourceResult } from '../../shared/hit';
import type { SearchResult } from '../../shared/search';
import type { Controller, SourceConfig } from '../../shared/workspace';
import { buildPackage, type BuildPackageInput } from '../../electron/core/package/build-package';
import { projectRoot } from '../helpers/corpora';

/**
 * A hand-made search result over real files, so the package tests do not depend on the
 * matcher's current scoring. Values are chosen to be hostile: formulas, control characters,
 * path tricks in subjects, Sámi letters, long text, typed SQL values.
 */
export const SYSTEM_PYTHON = '/usr/bin/python3';
export const resourcesDir = path.join(projectRoot, 'resources');
export const controller: Controller = {
  name: 'Fjellstue Čáhppes AS',
  orgNumber: '999 888 777',
  address: 'Storgata 1, 9730 Karasjok',
  email: 'personvern@fjellstue.example',
  dpo: { name: 'Siri Personvern', email: 'dpo@fjellstue.example' },
};
export const subject = {
  names: ['Áilu Ŋuolláš Čađeŧ-Ødegård'],
  emails: ['ailu@example.no'],
  phones: ['+47 913 45 678'],
  nationalIds: ['15038541215'],
  others: [],
};

const processing = {
  purposes: ['Kundeforhold'],
  legalBasis: 'Avtale (art. 6 nr. 1 b)',
  categories: ['Navn', 'E-post', 'Telefon'],
  recipients: ['Posten Bring AS'],
  retention: '5 år etter bokføringsloven',
  origin: 'Fra deg',
  transfers: 'Sikkerhetskopi i USA med SCC',
  automatedDecisions: 'Ingen',
};

export const HOSTILE_SUBJECT = '../../../etc/passwd\u0000\u202eexe.jpg CON: <x>|?*' + 'ø'.repeat(300);
export const LONG_TEXT = 'å'.repeat(40_000);

function hit(source: string, id: string, location: Hit['location'], record: Hit['record'], extra: Partial<Hit> = {}): Hit {
  return {
    id,
    source,
    location,
    confidence: 'high',
    score: 0.95,
    reasons: ['epost matched e-mail ailu@example.no (case-insensitive)'],
    matches: [{ field: 'epost', kind: 'email', value: 'ailu@example.no' }],
    record,
    ...extra,
  };
}

export interface Fixture {
  dir: string;
  sources: SourceConfig[];
  result: SearchResult;
  emlBytes: Buffer[];
}

export function makeFixture(dir: string, opts: { failedSource?: boolean } = {}): Fixture {
  const mailDir = path.join(dir, 'mail-src');
  mkdirSync(mailDir, { recursive: true });
  const eml1 = Buffer.from(
    [
      'From: =?utf-8?Q?=C3=81ilu?= <ailu@example.no>',
      'To: kundeservice@fjellstue.example',
      'Cc: kari@example.no',
      'Subject: Reklamasjon',
      'Date: Tue, 05 Mar 2024 10:15:00 +0100',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hei, kaffetrakteren min er ødelagt. Kari Nordmann kan bekrefte det.',
      '--b1',
      'Content-Type: application/pdf; name="kvittering.pdf"',
      'Content-Transfer-Encoding: base64',
      'Content-Disposition: attachment; filename="kvittering.pdf"',
      '',
      Buffer.from('%PDF-1.4 fake receipt').toString('base64'),
      '--b1--',
      '',
    ].join('\r\n'),
  );
  const eml2 = Buffer.from('From: ailu@example.no\r\nTo: post@fjellstue.example\r\nSubject: evil\r\n\r\nHei igjen\r\n');
  writeFileSync(path.join(mailDir, 'a.eml'), eml1);
  writeFileSync(path.join(mailDir, 'b.eml'), eml2);

  const sources: SourceConfig[] = [
    { id: 'kunder', kind: 'csv', path: path.join(dir, 'kunder.csv'), label: 'Kunderegister', processing },
    { id: 'butikk', kind: 'sqlite', path: path.join(dir, 'butikk.sqlite'), label: 'Nettbutikk' },
    { id: 'post', kind: 'mailbox', path: mailDir, label: 'Kundeservice', processing },
    { id: 'tom', kind: 'csv', path: path.join(dir, 'tom.csv'), label: 'Nyhetsbrev', processing },
    ...(opts.failedSource ? [{ id: 'feil', kind: 'postgres', connection: 'postgres://dpo@db.invalid/x', label: 'CRM' } as SourceConfig] : []),
  ];
  const results: SourceResult[] = [
    { id: 'kunder', kind: 'csv', status: 'ok', scanned: 120, hits: 3, ms: 5 },
    { id: 'butikk', kind: 'sqlite', status: 'ok', scanned: 40, hits: 1, ms: 5 },
    { id: 'post', kind: 'mailbox', status: 'ok', scanned: 12, hits: 2, ms: 5 },
    { id: 'tom', kind: 'csv', status: 'ok', scanned: 10, hits: 0, ms: 5 },
    ...(opts.failedSource ? [{ id: 'feil', kind: 'postgres', status: 'error' as const, error: 'could not connect', scanned: 0, hits: 0, ms: 5 }] : []),
  ];
  const hits: Hit[] = [
    hit('kunder', 'kunder-1', { table: 'kunde', record: 1, line: 2 }, {
      kunde_id: '0042',
      navn: subject.names[0],
      epost: 'ailu@example.no',
      telefon: '0047 913 45 678',
      formel: '=HYPERLINK("http://evil.example","klikk")',
      pluss: '+47 913 45 678',
      minus: '-2+3',
      at: '@SUM(A1)',
      kontroll: 'a\u0000b\u0007c\u001bd',
      notat: 'Ringte sammen med Kari Nordmann om saken',
      lang: LONG_TEXT,
    }),
    hit('kunder', 'kunder-2', { table: 'ordre', record: 7, line: 8 }, { ordre_id: '7', kunde_id: '0042', dato: '05.03.2024', sum: '499,00' }),
    hit('kunder', 'kunder-3', { table: 'kunde', record: 9, line: 10 }, { kunde_id: '0099', navn: 'Kari Nordmann', epost: 'kari@example.no' }, {
      relatedTo: 'kunder-1',
      thirdParty: true,
    }),
    hit('butikk', 'butikk-1', { table: 'customer', key: { id: 1 } }, {
      id: 1,
      email: 'ailu@example.no',
      created_at: '2024-03-05T09:15:00.000Z',
      born: '1985-03-15T00:00:00.000Z',
      balance: 1234.5,
      active: true,
      note: null,
    }),
    hit('post', 'post-1', { file: 'a.eml' }, {
      from: 'Áilu <ailu@example.no>',
      to: 'kundeservice@fjellstue.example',
      cc: 'kari@example.no',
      date: '2024-03-05T09:15:00.000Z',
      subject: 'Reklamasjon',
    }),
    hit('post', 'post-2', { file: 'b.eml' }, { from: 'ailu@example.no', to: 'post@fjellstue.example', cc: null, date: null, subject: HOSTILE_SUBJECT }),
  ];
  return { dir, sources, result: { subject, sources: results, hits }, emlBytes: [eml1, eml2] };
}

export function build(fx: Fixture, outFile: string, extra: Partial<BuildPackageInput> = {}) {
  return buildPackage({
    outFile,
    result: fx.result,
    sources: fx.sources,
    controller,
    lang: 'nb',
    minConfidence: 'high',
    caseRef: 'INN-2026-0007',
    resourcesDir,
    tool: { name: 'Innsyn', version: '0.1.0' },
    now: new Date('2026-03-10T12:00:00Z'),
    ...extra,
  });
}

/** Runs Debian's Python (which has openpyxl) on a script, failing loudly on error. */
export function python(script: string, ...args: string[]): string {
  const run = spawnSync(SYSTEM_PYTHON, ['-c', script, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`python failed (${run.status}): ${run.stderr}`);
  return run.stdout;
}

/** Extracts a ZIP with Python's zipfile (not the library that wrote it) and returns name → bytes (base64) as JSON. */
export function unzipWithPython(zipFile: string): Map<string, Buffer> {
  const out = python(
    'import zipfile,sys,json,base64\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps({n: base64.b64encode(z.read(n)).decode() for n in z.namelist()}))',
    zipFile,
  );
  const parsed = JSON.parse(out) as Record<string, string>;
  return new Map(Object.entries(parsed).map(([k, v]) => [k, Buffer.from(v, 'base64')]));
}
