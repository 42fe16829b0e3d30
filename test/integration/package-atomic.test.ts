import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Hit } from '../../shared/hit';
import { AppError } from '../../shared/errors';
import { tempDir } from '../helpers/temp';
import { build, makeFixture, unzipWithPython } from './package-fixture';

function bigger(dir: string, records: number) {
  const fx = makeFixture(dir);
  const base = fx.result.hits.find((h) => h.id === 'butikk-1')!;
  const extra: Hit[] = Array.from({ length: records }, (_, i) => ({ ...base, id: `logg-${i}`, location: { table: 'logg', key: { id: i } } }));
  return { ...fx, result: { ...fx.result, hits: [...fx.result.hits, ...extra] } };
}

async function errorOf(p: Promise<unknown>): Promise<AppError | Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the export to fail');
}

describe('atomic export', () => {
  for (const phase of ['data.json', 'data.xlsx']) {
    it(`leaves nothing behind when cancelled while writing ${phase}`, async () => {
      const dir = tempDir();
      const outDir = path.join(dir, 'out');
      mkdirSync(outDir);
      const controller = new AbortController();
      const running = build(bigger(dir, 30_000), path.join(outDir, 'svar.zip'), { signal: controller.signal });
      // Cancel once the staging folder holds the file being written, i.e. mid-way through the export.
      const poll = setInterval(() => {
        const staging = readdirSync(outDir).find((n) => n.startsWith('.innsyn-staging-'));
        if (staging && existsSync(path.join(outDir, staging, 'data', phase))) controller.abort();
      }, 2);
      const err = await errorOf(running);
      clearInterval(poll);
      expect(controller.signal.aborted).toBe(true);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('CANCELLED');
      expect(readdirSync(outDir)).toEqual([]);
    });
  }

  it('does not start when already cancelled', async () => {
    const dir = tempDir();
    const outDir = path.join(dir, 'out');
    const err = await errorOf(build(makeFixture(dir), path.join(outDir, 'svar.zip'), { signal: AbortSignal.abort() }));
    expect((err as AppError).code).toBe('CANCELLED');
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('leaves nothing behind when a step fails (an original message vanished before export)', async () => {
    const dir = tempDir();
    const fx = makeFixture(dir);
    rmSync(path.join(dir, 'mail-src', 'b.eml'));
    const outDir = path.join(dir, 'out');
    await expect(build(fx, path.join(outDir, 'svar.zip'))).rejects.toThrow();
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('leaves the old file alone and no partial file when the final move fails', async () => {
    const dir = tempDir();
    const outDir = path.join(dir, 'out');
    const target = path.join(outDir, 'svar.zip');
    mkdirSync(path.join(target, 'occupied'), { recursive: true });
    writeFileSync(path.join(target, 'occupied', 'x'), 'keep');
    await expect(build(makeFixture(dir), target)).rejects.toThrow();
    expect(readdirSync(outDir)).toEqual(['svar.zip']);
    expect(readdirSync(path.join(target, 'occupied'))).toEqual(['x']);
  });

  it('refuses to export when a source failed, and records the failure when told to go ahead', async () => {
    const dir = tempDir();
    const fx = makeFixture(dir, { failedSource: true });
    const out = path.join(dir, 'out', 'svar.zip');
    const err = await errorOf(build(fx, out));
    expect((err as AppError).code).toBe('INCOMPLETE');
    expect(err.message).toContain('feil');
    // Refused before anything was created, not even the target folder.
    expect(existsSync(path.dirname(out))).toBe(false);

    const built = await build(fx, out, { allowIncomplete: true });
    expect(built.manifest.complete).toBe(false);
    const manifest = JSON.parse(unzipWithPython(out).get('manifest.json')!.toString('utf8'));
    expect(manifest.complete).toBe(false);
    expect(manifest.sources.find((s: { id: string }) => s.id === 'feil')).toMatchObject({
      kind: 'postgres',
      status: 'error',
      error: 'could not connect',
      scanned: 0,
      included: 0,
    });
  });
});
