import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../shared/api-client';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers/index';
import { generatePassphrase } from '../../electron/core/package/passphrase';
import { migrate } from '../../electron/core/store/store';
import { migrations } from '../../electron/core/store/migrations';
import { projectRoot } from '../helpers/corpora';
import { tempDir } from '../helpers/temp';

/** The app's export path through the typed contract, with the save dialog answered by a fixed path. */
function app(savePath: string) {
  const db = new Database(':memory:');
  migrate(db, migrations);
  const handlers = createHandlers({
    db,
    dataDir: tempDir(),
    resourcesDir: path.join(projectRoot, 'resources'),
    tool: { name: 'Innsyn', version: 'test' },
    dialogs: {
      openWorkspace: async () => path.join(projectRoot, 'resources', 'demo', 'workspace.json'),
      savePackage: async () => savePath,
    },
    emit: () => {},
  });
  const dispatch = createDispatcher(handlers);
  return createApi({ invoke: (m, i) => dispatch(m, i), subscribe: () => () => {} });
}

describe('export:run (the app)', () => {
  it('generates a passphrase for an encrypted package, returns it once, and 7-Zip opens the package with it', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'innsyn.zip');
    const api = app(out);
    await api['workspace:import']({});
    const { runId } = await api['search:run']({
      subject: { names: ['Ingrid Ødegård-Bakken'], emails: ['ingrid.odegard@example.no'], phones: [], nationalIds: [], others: [] },
    });
    const res = await api['export:run']({ runId, lang: 'nb', minConfidence: 'high', encrypt: true });
    expect(res).toMatchObject({ path: out, verified: true, complete: true });
    expect(res.passphrase).toMatch(/^([346789A-HJKMNP-RT-Y]{4}-){5}[346789A-HJKMNP-RT-Y]{4}$/);
    expect(spawnSync('7z', ['t', `-p${res.passphrase}`, out]).status).toBe(0);
    expect(spawnSync('7z', ['t', '-pAAAA-AAAA-AAAA-AAAA-AAAA-AAAA', out]).status).not.toBe(0);

    const plain = await api['export:run']({ runId, lang: 'en', minConfidence: 'high' });
    expect(plain.passphrase).toBeNull();
  });

  it('never generates the same passphrase twice in a row', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => generatePassphrase()));
    expect(seen.size).toBe(1000);
  });
});
