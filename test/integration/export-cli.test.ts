import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, searchJson } from '../helpers/cli';
import { projectRoot } from '../helpers/corpora';
import { tempDir } from '../helpers/temp';

const demoDir = path.join(projectRoot, 'resources', 'demo');
const person = ['--name', 'Ingrid Ødegård-Bakken', '--email', 'ingrid.odegard@example.no', '--phone', '+47 913 45 678'];

/** The demo workspace copied into `dir`, optionally with one more source that cannot be read. */
function workspace(dir: string, broken = false): string {
  cpSync(demoDir, path.join(dir, 'demo'), { recursive: true });
  const file = path.join(dir, 'demo', 'workspace.json');
  if (broken) {
    const ws = JSON.parse(spawnSync('cat', [file], { encoding: 'utf8' }).stdout);
    ws.sources.push({ id: 'arkiv', kind: 'sqlite', path: 'finnes-ikke.sqlite', label: 'Gammelt arkiv' });
    writeFileSync(file, JSON.stringify(ws));
  }
  return file;
}

function manifestOf(zip: string, password?: string): { complete: boolean; encryption: string | null; review: unknown; sources: Array<Record<string, unknown>> } {
  const args = ['x', '-so', ...(password ? [`-p${password}`] : []), zip, 'manifest.json'];
  return JSON.parse(spawnSync('7z', args, { encoding: 'utf8' }).stdout);
}

describe('innsyn export', () => {
  it('writes an AES-256 package with --encrypt --password-file that 7-Zip opens', async () => {
    const dir = tempDir();
    const pwFile = path.join(dir, 'passord.txt');
    writeFileSync(pwFile, 'lang og hemmelig passfrase\n');
    const out = path.join(dir, 'ut', 'svar.zip');
    const run = await runCli(['export', '--workspace', workspace(dir), ...person, '--out', out, '--encrypt', '--password-file', pwFile, '--json'], { dataDir: dir });
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ verified: true, complete: true, encryption: 'aes-256' });
    expect(summary.entriesChecked).toBe(summary.files);
    // The trailing newline of the file is not part of the passphrase.
    expect(spawnSync('7z', ['t', '-plang og hemmelig passfrase', out]).status).toBe(0);
    expect(spawnSync('7z', ['t', '-plang og hemmelig passfrase\n', out]).status).not.toBe(0);
    expect(manifestOf(out, 'lang og hemmelig passfrase').encryption).toBe('aes-256');
    // The passphrase is never echoed.
    expect(run.stdout + run.stderr).not.toContain('hemmelig');
  });

  it('is a usage error to ask for encryption without a password file, and nothing is written', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'svar.zip');
    const run = await runCli(['export', '--workspace', workspace(dir), ...person, '--out', out, '--encrypt'], { dataDir: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--password-file');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses with exit code 3 when a source failed, and with --allow-incomplete records the failure', async () => {
    const dir = tempDir();
    const ws = workspace(dir, true);
    const out = path.join(dir, 'ut', 'svar.zip');
    const refused = await runCli(['export', '--workspace', ws, ...person, '--out', out], { dataDir: dir });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('arkiv');
    expect(refused.stderr).toContain('--allow-incomplete');
    expect(existsSync(path.dirname(out))).toBe(false);

    const forced = await runCli(['export', '--workspace', ws, ...person, '--out', out, '--allow-incomplete'], { dataDir: dir });
    expect(forced.code, forced.stderr).toBe(3);
    expect(forced.stdout).toContain('FAILED');
    const manifest = manifestOf(out);
    expect(manifest.complete).toBe(false);
    expect(manifest.sources.find((s) => s.id === 'arkiv')).toMatchObject({ status: 'error', included: 0 });
    expect(readdirSync(path.dirname(out))).toEqual(['svar.zip']);
  });

  it('applies a review file: an excluded hit stays out and the manifest counts the decision', async () => {
    const dir = tempDir();
    const ws = workspace(dir);
    const search = await searchJson(['--workspace', ws, ...person], dir);
    expect(search.code, search.stderr).toBe(0);
    const hits = search.json.hits as Array<{ id: string; source: string; confidence: string }>;
    const target = hits.find((h) => h.source === 'nettbutikk' && h.confidence === 'high');
    expect(target).toBeDefined();
    const reviewFile = path.join(dir, 'review.json');
    writeFileSync(reviewFile, JSON.stringify({ decisions: [{ hitId: target!.id, decision: 'exclude', ground: 'not-subject', reason: 'Namesake' }] }));
    const out = path.join(dir, 'svar.zip');
    const run = await runCli(['export', '--workspace', ws, ...person, '--out', out, '--review', reviewFile], { dataDir: dir });
    expect(run.code, run.stderr).toBe(0);
    const manifest = manifestOf(out);
    expect(manifest.review).toMatchObject({ decisions: { exclude: 1, byGround: { 'not-subject': 1 } } });
    expect(manifest.sources.find((s) => s.id === 'nettbutikk')).toMatchObject({ excluded: 1 });
    const data = spawnSync('unzip', ['-p', out, 'data/data.json'], { encoding: 'utf8' }).stdout;
    expect(data.includes(target!.id)).toBe(false);

    writeFileSync(reviewFile, '{"decisions": [{"hitId": "x", "decision": "maybe"}]}');
    const bad = await runCli(['export', '--workspace', ws, ...person, '--out', path.join(dir, 'b.zip'), '--review', reviewFile], { dataDir: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('review file');
    expect(existsSync(path.join(dir, 'b.zip'))).toBe(false);
  });
});
