import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { contract, eventNames, methods } from '../../shared/contract';
import { createApi } from '../../shared/api-client';
import { AppError } from '../../shared/errors';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers/index';
import { migrate } from '../../electron/core/store/store';
import { migrations } from '../../electron/core/store/migrations';
import { projectRoot } from '../helpers/corpora';
import { tempDir } from '../helpers/temp';
import path from 'node:path';

function setup() {
  const db = new Database(':memory:');
  migrate(db, migrations);
  const handlers = createHandlers({
    db,
    dataDir: tempDir(),
    resourcesDir: path.join(projectRoot, 'resources'),
    tool: { name: 'Innsyn', version: 'test' },
    dialogs: {
      openWorkspace: async () => path.join(projectRoot, 'resources', 'demo', 'workspace.json'),
      savePackage: async () => null,
    },
    emit: () => {},
  });
  return { handlers, dispatch: createDispatcher(handlers) };
}

describe('the renderer/main contract', () => {
  it('has a handler for every method, and nothing else', () => {
    const { handlers } = setup();
    expect(Object.keys(handlers).sort()).toEqual([...methods].sort());
    for (const m of methods) expect(typeof handlers[m]).toBe('function');
  });

  it('names channels area:action and gives every method input and output schemas', () => {
    for (const m of methods) {
      expect(m).toMatch(/^[a-z]+:[a-zA-Z]+$/);
      expect(contract[m].input.safeParse).toBeTypeOf('function');
      expect(contract[m].output.safeParse).toBeTypeOf('function');
    }
    for (const e of eventNames) expect(e).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });

  it('rejects invalid input for every method with INVALID_INPUT before any handler runs', async () => {
    const { dispatch } = setup();
    for (const m of methods) {
      const r = await dispatch(m, { definitelyNotAField: 42, subject: 'x', runId: 7 });
      expect(r, m).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('rejects unknown methods, including prototype names', async () => {
    const { dispatch } = setup();
    for (const m of ['fs:read', 'constructor', '__proto__', 'toString']) {
      expect(await dispatch(m, {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('carries typed errors across the boundary and rebuilds them as AppError', async () => {
    const { dispatch } = setup();
    const api = createApi({ invoke: (m, i) => dispatch(m, i), subscribe: () => () => {} });
    // No workspace imported yet: a NOT_FOUND the UI can act on, not a crash.
    const err = await api['search:run']({ subject: { names: ['Kari'], emails: [], phones: [], nationalIds: [], others: [] } }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toMatch(/Import a workspace/);
  });

  it('runs a real search through the contract and reports progress events', async () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    const events: unknown[] = [];
    const handlers = createHandlers({
      db,
      dataDir: tempDir(),
      resourcesDir: path.join(projectRoot, 'resources'),
      tool: { name: 'Innsyn', version: 'test' },
      dialogs: { openWorkspace: async () => path.join(projectRoot, 'resources', 'demo', 'workspace.json'), savePackage: async () => null },
      emit: (_e, p) => events.push(p),
    });
    const api = createApi({ invoke: (m, i) => createDispatcher(handlers)(m, i), subscribe: () => () => {} });
    const imported = await api['workspace:import']({});
    expect(imported.workspace?.sources.map((s) => s.id)).toEqual(['kunderegister', 'nettbutikk', 'kundeservice']);
    const { result } = await api['search:run']({
      subject: { names: [], emails: ['INGRID.odegard@example.no'], phones: [], nationalIds: [], others: [] },
    });
    expect(result.sources.every((s) => s.status === 'ok')).toBe(true);
    expect(result.hits.filter((h) => h.confidence === 'high').length).toBeGreaterThanOrEqual(3);
    expect(events.some((e) => (e as { state: string }).state === 'done')).toBe(true);
  });

  it('never returns a stack trace for an unexpected failure', async () => {
    const { handlers } = setup();
    const dispatch = createDispatcher({
      ...handlers,
      'app:info': async () => {
        throw new Error('secret detail at /home/dpo/file.csv line 3');
      },
    });
    const r = await dispatch('app:info', {});
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toMatch(/secret detail|at \/|\.ts:/);
  });
});
