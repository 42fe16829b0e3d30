import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { loadWorkspaceFile, parseWorkspace } from '../../electron/core/workspace/load';
import { tempDir } from '../helpers/temp';

const controller = { name: 'Testfirma AS' };

function problems(raw: unknown): string[] {
  try {
    parseWorkspace(raw, '/base', null);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).details ?? [];
  }
  throw new Error('expected the workspace to be rejected');
}

describe('workspace file', () => {
  it('resolves relative paths against the workspace file’s folder and keeps absolute ones', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ws.json');
    writeFileSync(
      file,
      JSON.stringify({
        controller,
        sources: [
          { id: 'crm', kind: 'csv', path: 'exports/kunder.csv' },
          { id: 'db', kind: 'sqlite', path: '/data/shop.sqlite' },
          { id: 'pg', kind: 'postgres', connection: 'postgres://dpo@db.internal/shop', passwordEnv: 'PGPASS' },
        ],
      }),
    );
    const ws = await loadWorkspaceFile(file);
    expect(ws.sources[0]).toMatchObject({ path: path.join(dir, 'exports', 'kunder.csv') });
    expect(ws.sources[1]).toMatchObject({ path: '/data/shop.sqlite' });
    expect(ws.sources[2]).not.toHaveProperty('path');
  });

  it('names the source id and the field in each error', () => {
    const found = problems({
      controller,
      sources: [
        { id: 'crm', kind: 'csv' },
        { id: 'mail', kind: 'mailbox', path: 'x', processing: { purposes: 'not a list' } },
        { id: 'x', kind: 'ftp', path: 'y' },
      ],
    });
    expect(found).toContainEqual(expect.stringMatching(/^source "crm", field "path": /));
    expect(found).toContainEqual(expect.stringMatching(/^source "mail", field "processing\.purposes": /));
    expect(found).toContainEqual(expect.stringMatching(/^source "x", field "kind": /));
  });

  it('refuses a password inside a connection URL and says where it belongs', () => {
    const [msg] = problems({ controller, sources: [{ id: 'pg', kind: 'postgres', connection: 'postgres://dpo:hemmelig@db/shop' }] });
    expect(msg).toMatch(/source "pg", field "connection": must not contain a password.*passwordEnv/);
    expect(msg).not.toContain('hemmelig');
  });

  it('rejects duplicate source ids and unknown fields', () => {
    const found = problems({
      controller,
      sources: [
        { id: 'a', kind: 'csv', path: 'x' },
        { id: 'a', kind: 'csv', path: 'y', colour: 'blue' },
      ],
    });
    expect(found.join('\n')).toMatch(/source "a", field "id": is used by more than one source/);
    expect(found.join('\n')).toMatch(/colour/);
  });

  it('explains invalid JSON and a missing file in words', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, '{ "controller": ');
    await expect(loadWorkspaceFile(file)).rejects.toThrow(/is not valid JSON/);
    await expect(loadWorkspaceFile(path.join(dir, 'nope.json'))).rejects.toThrow(/Workspace file not found/);
  });
});
