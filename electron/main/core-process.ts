/**
 * Entry of the utility process that hosts the core (forked by core-host.ts). Plain Node:
 * no `electron` import; the parent port is how Electron hands a utility process its channel.
 */
import { createDispatcher } from '../core/api/dispatch';
import { createHandlers } from '../core/api/handlers/index';
import { openStore } from '../core/store/store';
import { coreServer, type FromCore, type ToCore } from './core-protocol';

interface ParentPort {
  postMessage(msg: FromCore): void;
  on(event: 'message', listener: (e: { data: ToCore }) => void): void;
}

export interface CoreInit {
  dataDir: string;
  resourcesDir: string;
  tool: { name: string; version: string };
}

const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!port) throw new Error('core-process must run as an Electron utility process');

const init = JSON.parse(process.env.INNSYN_CORE_INIT ?? '{}') as CoreInit;
const server = coreServer((msg) => port.postMessage(msg));
port.on('message', (e) => server.receive(e.data));

const db = openStore(init.dataDir);
const ask = <T>(service: Parameters<typeof server.ask>[0], ...args: unknown[]) => server.ask(service, ...args) as Promise<T>;
server.serve(
  createDispatcher(
    createHandlers({
      db,
      dataDir: init.dataDir,
      resourcesDir: init.resourcesDir,
      tool: init.tool,
      dialogs: {
        openWorkspace: () => ask('openWorkspace'),
        savePackage: (name) => ask('savePackage', name),
        saveWorkspace: (name) => ask('saveWorkspace', name),
        pickSource: (pick, kind) => ask('pickSource', pick, kind),
        reveal: async (file) => void (await ask('reveal', file)),
      },
      keychain: {
        available: () => ask('keychainAvailable'),
        // Buffers cross the channel as Uint8Array; wrap them back.
        encrypt: async (plain) => Buffer.from(await ask<Uint8Array>('encrypt', plain)),
        decrypt: (cipher) => ask('decrypt', new Uint8Array(cipher)),
      },
      emit: (event, payload) => port.postMessage({ t: 'event', event, payload }),
    }),
    // Method names only: inputs may hold personal data and never reach a log.
    (line) => process.stderr.write(`${line}\n`),
  ),
);
process.on('exit', () => db.close());
