import type Database from 'better-sqlite3';
import type { EventName, EventPayload } from '../../../../shared/contract';
import type { SearchResult } from '../../../../shared/search';
import type { SourceConfig } from '../../../../shared/workspace';
import { WorkspaceStore } from '../../workspace/workspace-store';

/** What the shell provides: native dialogs in Electron, fixed answers in the test bridge. */
export interface Dialogs {
  openWorkspace(): Promise<string | null>;
  savePackage(defaultName: string): Promise<string | null>;
  /** UI only (optional so the CLI and core tests need not provide them). */
  saveWorkspace?(defaultName: string): Promise<string | null>;
  pickSource?(pick: 'file' | 'folder', kind: 'csv' | 'sqlite' | 'mailbox'): Promise<string | null>;
  /** Shows a file in the OS file manager (Electron's shell.showItemInFolder). */
  reveal?(file: string): Promise<void>;
}

/**
 * The OS keychain as Electron's safeStorage offers it: main encrypts with a key the OS keeps,
 * so the file on disk holds only ciphertext. Absent in the CLI, where passwords come from
 * environment variables instead.
 */
export interface Keychain {
  available(): Promise<boolean>;
  encrypt(plain: string): Promise<Buffer>;
  decrypt(cipher: Buffer): Promise<string>;
}

export interface HandlerDeps {
  db: Database.Database;
  dataDir: string;
  resourcesDir: string;
  tool: { name: string; version: string };
  dialogs: Dialogs;
  keychain?: Keychain;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export interface Run {
  controller: AbortController;
  sources: SourceConfig[];
  result?: SearchResult;
}

/** Keep only the latest runs in memory: they hold personal data and are not needed for long. */
const MAX_RUNS = 5;

/** State shared by the handler areas of one app instance. */
export class HandlerContext {
  readonly workspaces: WorkspaceStore;
  private readonly runs = new Map<string, Run>();

  constructor(readonly deps: HandlerDeps) {
    this.workspaces = new WorkspaceStore(deps.db);
  }

  remember(id: string, run: Run): void {
    this.runs.set(id, run);
    while (this.runs.size > MAX_RUNS) this.runs.delete(this.runs.keys().next().value as string);
  }

  run(id: string): Run | undefined {
    return this.runs.get(id);
  }
}
