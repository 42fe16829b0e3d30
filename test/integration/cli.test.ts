import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpus, missingCorpus, projectRoot } from '../helpers/corpora';
import { runCli, searchJson } from '../helpers/cli';
import { tempDir } from '../helpers/temp';
import { writeWorkspace } from '../helpers/workspace';

const chinookMissing = missingCorpus('chinook', 'Chinook_Sqlite.sqlite');
const demo = (p: string) => path.join(projectRoot, 'resources', 'demo', p);

describe('innsyn search (real files)', () => {
  it.skipIf(chinookMissing)('finds Bjørn Hansen’s Customer row in Chinook by e-mail, case-insensitively', async () => {
    const dir = tempDir();
    const ws = writeWorkspace(dir, [{ id: 'chinook', kind: 'sqlite', path: corpus('chinook', 'Chinook_Sqlite.sqlite') }]);
    const { code, json } = await searchJson(['--workspace', ws, '--email', 'BJORN.HANSEN@yahoo.NO'], dir);
    expect(code).toBe(0);
    expect(json.sources).toEqual([expect.objectContaining({ id: 'chinook', kind: 'sqlite', status: 'ok', hits: json.hits.length })]);
    expect(json.sources[0].scanned).toBeGreaterThan(15000); // every table was read
    const customer = json.hits.find((h: { location: { table: string } }) => h.location.table === 'Customer');
    expect(customer).toMatchObject({
      source: 'chinook',
      confidence: 'high',
      location: { table: 'Customer', key: { CustomerId: 4 } },
      matches: [{ field: 'Email', kind: 'email', value: 'bjorn.hansen@yahoo.no' }],
      record: { FirstName: 'Bjørn', LastName: 'Hansen', Country: 'Norway' },
    });
    expect(customer.reasons.join(' ')).toMatch(/Email matched e-mail .*case-insensitive/);
    // The support rep (an Employee) is someone else and never a hit.
    expect(json.hits.some((h: { location: { table: string } }) => h.location.table === 'Employee')).toBe(false);
  });

  it.skipIf(chinookMissing)('finds the same row by name split over FirstName + LastName, never at high confidence from a name', async () => {
    const dir = tempDir();
    const ws = writeWorkspace(dir, [{ id: 'chinook', kind: 'sqlite', path: corpus('chinook', 'Chinook_Sqlite.sqlite') }]);
    const { code, json } = await searchJson(['--workspace', ws, '--name', 'bjørn  hansen'], dir);
    expect(code).toBe(0);
    const customer = json.hits.find((h: { location: { table: string } }) => h.location.table === 'Customer');
    // The e-mail bjorn.hansen@… is made of the name: supporting evidence (domain guide), so medium.
    expect(customer.confidence).toBe('medium');
    expect(customer.reasons.join('\n')).toMatch(/FirstName \+ LastName matched name/);
  });

  it('reads CSV with line numbers and mbox messages with their index and Message-ID', async () => {
    const dir = tempDir();
    const ws = writeWorkspace(dir, [
      { id: 'crm', kind: 'csv', path: demo('kunder') },
      { id: 'mail', kind: 'mailbox', path: demo('support.mbox') },
    ]);
    const { code, json } = await searchJson(['--workspace', ws, '--email', 'ingrid.odegard@example.no'], dir);
    expect(code).toBe(0);
    const crm = json.hits.filter((h: { source: string }) => h.source === 'crm');
    expect(crm).toEqual([
      expect.objectContaining({ confidence: 'high', location: { table: 'kunde', record: 1, line: 2 } }),
    ]);
    expect(crm[0].record).toMatchObject({ kunde_id: '1001', navn: 'Ingrid Ødegård-Bakken' });
    const mail = json.hits.filter((h: { source: string }) => h.source === 'mail');
    expect(mail.map((h: { location: { index: number } }) => h.location.index).sort()).toEqual([0, 1]);
    expect(mail[0].location).toMatchObject({ file: 'support.mbox', messageId: expect.stringMatching(/@/) });
    // RFC 2047 display names come out decoded.
    expect(mail.map((h: { record: { from: string } }) => h.record.from).join()).toContain('Ingrid Ødegård-Bakken');
    expect(json.sources.find((s: { id: string }) => s.id === 'mail')).toMatchObject({ scanned: 4, hits: 2 });
  });

  it('exits 3 when a source fails, still reporting the others', async () => {
    const dir = tempDir();
    const ws = writeWorkspace(dir, [
      { id: 'gone', kind: 'sqlite', path: path.join(dir, 'missing.sqlite') },
      { id: 'crm', kind: 'csv', path: demo('kunder') },
    ]);
    const { code, json } = await searchJson(['--workspace', ws, '--email', 'ingrid.odegard@example.no'], dir);
    expect(code).toBe(3);
    expect(json.sources[0]).toMatchObject({ id: 'gone', status: 'error', error: expect.stringMatching(/does not exist/) });
    expect(json.sources[1]).toMatchObject({ id: 'crm', status: 'ok', hits: 1 });
  });

  it('exits 2 on usage errors with a sentence that says what to do', async () => {
    const dir = tempDir();
    const ws = writeWorkspace(dir, [{ id: 'crm', kind: 'csv', path: demo('kunder') }]);
    const noSubject = await runCli(['search', '--workspace', ws], { dataDir: dir });
    expect(noSubject.code).toBe(2);
    expect(noSubject.stderr).toMatch(/give at least one of --name, --email/);
    const badSource = await runCli(['search', '--workspace', ws, '--name', 'X', '--source', 'nope'], { dataDir: dir });
    expect(badSource.code).toBe(2);
    expect(badSource.stderr).toMatch(/Unknown source id\(s\): nope\. The workspace has: crm/);
    const badOption = await runCli(['search', '--wat'], { dataDir: dir });
    expect(badOption.code).toBe(2);
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ controller: { name: 'X' }, sources: [{ id: 'a', kind: 'csv' }] }));
    const badWs = await runCli(['search', '--workspace', path.join(dir, 'bad.json'), '--name', 'X'], { dataDir: dir });
    expect(badWs.code).toBe(2);
    expect(badWs.stderr).toMatch(/source "a", field "path"/);
    expect(badWs.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack traces
  });

  it('keeps the workspace in --data-dir, so later commands need no --workspace', async () => {
    const dataDir = tempDir();
    const imported = await runCli(['workspace', 'import', demo('workspace.json')], { dataDir });
    expect(imported.code).toBe(0);
    expect(existsSync(path.join(dataDir, 'innsyn.db'))).toBe(true);
    const { code, json } = await searchJson(['--email', 'ingrid.odegard@example.no', '--source', 'nettbutikk'], dataDir);
    expect(code).toBe(0);
    expect(json.sources.map((s: { id: string }) => s.id)).toEqual(['nettbutikk']);
    expect(json.hits[0]).toMatchObject({ confidence: 'high', location: { table: 'customer', key: { id: 1 } } });
    const empty = await runCli(['search', '--name', 'X'], { dataDir: tempDir() });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/innsyn workspace import/);
  });
});
