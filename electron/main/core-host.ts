import { utilityProcess, type UtilityProcess } from 'electron';
import type { EventName } from '../../shared/contract';
import type { Dispatch } from '../core/api/dispatch';
import type { Dialogs, Keychain } from '../core/api/handlers/index';
import { coreClient, type FromCore } from './core-protocol';
import type { CoreInit } from './core-process';

/**
 * Starts the core in a utility process and returns a Dispatch for the IPC wiring. Main
 * stays free to paint the window and answer input while a search or export runs.
 */
export function startCore(
  entry: string,
  init: CoreInit,
  dialogs: Required<Dialogs>,
  keychain: Keychain,
  emit: (event: EventName, payload: unknown) => void,
): { dispatch: Dispatch; stop(): void } {
  const child: UtilityProcess = utilityProcess.fork(entry, [], {
    serviceName: 'Innsyn core',
    stdio: 'inherit',
    env: { ...process.env, INNSYN_CORE_INIT: JSON.stringify(init) },
  });
  const client = coreClient((msg) => child.postMessage(msg), {
    openWorkspace: () => dialogs.openWorkspace(),
    savePackage: (name: string) => dialogs.savePackage(name),
    saveWorkspace: (name: string) => dialogs.saveWorkspace(name),
    pickSource: (pick: 'file' | 'folder', kind: 'csv' | 'sqlite' | 'mailbox') => dialogs.pickSource(pick, kind),
    reveal: (file: string) => dialogs.reveal(file),
    keychainAvailable: () => keychain.available(),
    encrypt: async (plain: string) => new Uint8Array(await keychain.encrypt(plain)),
    decrypt: (cipher: Uint8Array) => keychain.decrypt(Buffer.from(cipher)),
  }, emit);
  child.on('message', (msg: FromCore) => client.receive(msg));
  child.on('exit', () => client.stopped());
  return { dispatch: client.dispatch, stop: () => child.kill() };
}
