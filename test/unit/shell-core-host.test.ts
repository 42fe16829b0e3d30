import Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Dispatch } from '../../electron/core/api/dispatch';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers/index';
import { migrate } from '../../electron/core/store/store';
import { migrations } from '../../electron/core/store/migrations';
import { coreServer, type FromCore, type ToCore } from '../../electron/main/core-protocol';
import { projectRoot } from '../helpers/corpora';
import { tempDir } from '../helpers/temp';

/**
 * utilityProcess is replaced by an in-process stand-in that runs the real core behind the
 * same message protocol, so the test covers everything but the OS process boundary.
 */
const forks: Array<{ entry: string; env: Record<string, string | undefined> }> = [];
vi.mock('electron', () => ({
  utilityProcess: {
    fork(entry: string, _args: string[], options: { env: Record<string, string | undefined> }) {
      forks.push({ entry, env: options.env });
      const child = new EventEmitter() as EventEmitter & { postMessage(m: ToCore): void; kill(): void };
      const server = coreServer((msg: FromCore) => queueMicrotask(() => child.emit('message', msg)));
      child.postMessage = (m) => queueMicrotask(() => server.receive(m));
      child.kill = () => child.emit('exit', 0);
      const db = new Database(':memory:');
      migrate(db, migrations);
      const ask = (service: Parameters<typeof server.ask>[0], ...args: unknown[]) => server.ask(service, ...args) as Promise<string | null>;
      server.serve(
        createDispatcher(
          createHandlers({
            db,
            dataDir: tempDir(),
            resourcesDir: path.join(projectRoot, 'resources'),
            tool: { name: 'Innsyn', version: 'test' },
            dialogs: { openWorkspace: () => ask('openWorkspace'), savePackage: (n) => ask('savePackage', n) },
            keychain: {
              available: () => ask('keychainAvailable') as unknown as Promise<boolean>,
              encrypt: async (p) => Buffer.from((await server.ask('encrypt', p)) as Uint8Array),
              decrypt: (c) => ask('decrypt', new Uint8Array(c)) as Promise<string>,
            },
            emit: (event, payload) => queueMicrotask(() => child.emit('message', { t: 'event', event, payload })),
          }),
        ),
      );
      return child;
    },
  },
}));

const { startCore } = await import('../../electron/main/core-host');

const demo = path.join(projectRoot, 'resources/demo/workspace.json');
const person = JSON.parse((await import('node:fs')).readFileSync(path.join(projectRoot, 'resources/demo/person.json'), 'utf8'));

function start() {
  const events: unknown[] = [];
  const dialogs = {
    openWorkspace: vi.fn(async () => demo),
    savePackage: vi.fn(async () => null),
    saveWorkspace: vi.fn(async () => null),
    pickSource: vi.fn(async () => null),
    reveal: vi.fn(async () => {}),
  };
  const keychain = { available: vi.fn(async () => false), encrypt: vi.fn(), decrypt: vi.fn() };
  const core = startCore('/out/main/core-process.js', { dataDir: '/data', resourcesDir: '/res', tool: { name: 'Innsyn', version: '1' } }, dialogs, keychain, (e, p) => events.push([e, p]));
  return { core, dialogs, keychain, events };
}

describe('the core in a utility process', () => {
  it('forks the core entry with its settings, not the window', () => {
    start();
    expect(forks.at(-1)?.entry).toBe('/out/main/core-process.js');
    expect(JSON.parse(forks.at(-1)?.env.INNSYN_CORE_INIT ?? '{}')).toMatchObject({ dataDir: '/data' });
  });

  it('answers calls, serves native dialogs from main, and forwards progress events', async () => {
    const { core, dialogs, events } = start();
    const dispatch: Dispatch = core.dispatch;
    const imported = await dispatch('workspace:import', {});
    expect(dialogs.openWorkspace).toHaveBeenCalledOnce();
    expect(imported).toMatchObject({ ok: true, value: { path: demo } });
    const searched = await dispatch('search:run', { subject: person });
    expect(searched).toMatchObject({ ok: true });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => (e as [string])[0] === 'search:progress')).toBe(true);
  });

  it('still validates input in the core, and asks main for the keychain', async () => {
    const { core, keychain } = start();
    expect(await core.dispatch('search:run', { subject: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await core.dispatch('workspace:import', {});
    expect(await core.dispatch('source:setPassword', { id: 'nettbutikk', password: 'secret' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(keychain.available).toHaveBeenCalled();
  });

  it('fails pending calls with a clear message when the core process stops', async () => {
    const { core } = start();
    const pending = core.dispatch('search:run', { subject: person });
    core.stop();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
