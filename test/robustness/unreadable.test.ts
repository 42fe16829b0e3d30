import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/corpora';
import { tempDir } from '../helpers/temp';
import { writeWorkspace } from '../helpers/workspace';
import { parseJson, runGuarded } from './support/run-innsyn';

const demo = (p: string) => path.join(projectRoot, 'resources', 'demo', p);
const email = 'ingrid.odegard@example.no';
/** `nobody`: the tests run as root, which reads a chmod 000 file anyway, so the CLI runs as this user. */
const NOBODY = { uid: 65534, gid: 65534 };
const asRoot = process.getuid?.() === 0;

/**
 * Files the user may not read (chmod 000), honestly: the CLI runs as an unprivileged user
 * through setpriv, so the kernel really refuses the read. Each unreadable file is reported
 * by name and the readable ones next to it are searched.
 */
describe.skipIf(!asRoot)('unreadable files', () => {
  it('reports each unreadable file and searches the readable ones next to it', async () => {
    const dir = tempDir('innsyn-unreadable-');
    chmodSync(dir, 0o755);
    const csvDir = path.join(dir, 'csv');
    const mailDir = path.join(dir, 'mail');
    const dataDir = path.join(dir, 'data');
    for (const d of [csvDir, mailDir, dataDir]) mkdirSync(d);
    chmodSync(dataDir, 0o777);
    copyFileSync(demo('kunder/kunde.csv'), path.join(csvDir, 'kunde.csv'));
    writeFileSync(path.join(csvDir, 'hemmelig.csv'), `epost\n${email}\n`);
    chmodSync(path.join(csvDir, 'hemmelig.csv'), 0o000);
    copyFileSync(demo('support.mbox'), path.join(mailDir, 'support.mbox'));
    writeFileSync(path.join(mailDir, 'hemmelig.eml'), `From: ${email}\r\nSubject: x\r\n\r\nx\r\n`);
    chmodSync(path.join(mailDir, 'hemmelig.eml'), 0o000);
    writeFileSync(path.join(dir, 'alone.sqlite'), '');
    chmodSync(path.join(dir, 'alone.sqlite'), 0o000);
    const ws = writeWorkspace(dir, [
      { id: 'csv', kind: 'csv', path: csvDir },
      { id: 'mail', kind: 'mailbox', path: mailDir },
      { id: 'db', kind: 'sqlite', path: path.join(dir, 'alone.sqlite') },
    ]);
    const run = await runGuarded(['search', '--json', '--workspace', ws, '--email', email], {
      dataDir,
      asUser: NOBODY,
      env: { HOME: dataDir },
      timeoutMs: 120_000,
    });
    const result = parseJson<{ sources: Array<{ id: string; status: string; error?: string; problems?: string[]; hits: number }> }>(run);
    const byId = new Map(result.sources.map((s) => [s.id, s]));
    expect(run.code).toBe(3);
    expect(byId.get('csv'), JSON.stringify(byId.get('csv'))).toMatchObject({ status: 'partial', hits: 1 });
    expect(byId.get('csv')!.problems!.join('\n')).toMatch(/hemmelig.*EACCES|EACCES.*hemmelig/);
    expect(byId.get('mail'), JSON.stringify(byId.get('mail'))).toMatchObject({ status: 'partial' });
    expect(byId.get('mail')!.hits).toBeGreaterThan(0);
    expect(byId.get('mail')!.problems!.join('\n')).toMatch(/hemmelig\.eml could not be read/);
    expect(byId.get('db')).toMatchObject({ status: 'error', error: expect.stringMatching(/alone\.sqlite/) });
  }, 180_000);
});
