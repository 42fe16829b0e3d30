import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createDispatcher, type Dispatch } from '../../../electron/core/api/dispatch';
import { createHandlers, type Dialogs, type Keychain } from '../../../electron/core/api/handlers/index';
import { openStore } from '../../../electron/core/store/store';
import type { EventName } from '../../../shared/contract';

/**
 * What the native dialogs would answer. A test sets these before it clicks, in the way a
 * user would pick a file; the renderer still never supplies a path of its own.
 */
export class ScriptedDialogs implements Dialogs {
  nextWorkspace: string | null = null;
  nextPackage: string | null = null;
  nextSaveWorkspace: string | null = null;
  nextSourcePath: string | null = null;
  async openWorkspace() {
    return this.nextWorkspace;
  }
  async savePackage() {
    return this.nextPackage;
  }
  async saveWorkspace() {
    return this.nextSaveWorkspace;
  }
  async pickSource() {
    return this.nextSourcePath;
  }
  private onReveal: Array<(file: string) => void> = [];
  async reveal(file: string) {
    for (const resolve of this.onReveal.splice(0)) resolve(file);
  }
  /** Resolves with the next file main is asked to show in the file manager. */
  nextReveal(): Promise<string> {
    return new Promise((resolve) => this.onReveal.push(resolve));
  }
}

/**
 * Stands in for Electron's safeStorage: AES-256-GCM under a key that exists only in this
 * process's memory, so, like the OS keychain, what reaches the disk is useless on its own.
 */
export class TestKeychain implements Keychain {
  private readonly key = randomBytes(32);
  async available() {
    return true;
  }
  async encrypt(plain: string) {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), body]);
  }
  async decrypt(blob: Buffer) {
    const d = createDecipheriv('aes-256-gcm', this.key, blob.subarray(0, 12));
    d.setAuthTag(blob.subarray(12, 28));
    return Buffer.concat([d.update(blob.subarray(28)), d.final()]).toString('utf8');
  }
}

type Listener = (event: EventName, payload: unknown) => void;

/** One real core (own temp data dir, own database, own token) per test: no shared state. */
export class CoreSession {
  readonly token = randomBytes(24).toString('hex');
  readonly dataDir = mkdtempSync(path.join(os.tmpdir(), 'innsyn-e2e-'));
  readonly dialogs = new ScriptedDialogs();
  readonly dispatch: Dispatch;
  private readonly db: Database.Database;
  private readonly listeners = new Set<Listener>();

  constructor(resourcesDir: string) {
    this.db = openStore(this.dataDir);
    this.dispatch = createDispatcher(
      createHandlers({
        db: this.db,
        dataDir: this.dataDir,
        resourcesDir,
        tool: { name: 'Innsyn', version: '0.0.0-e2e' },
        dialogs: this.dialogs,
        keychain: new TestKeychain(),
        emit: (event, payload) => this.listeners.forEach((l) => l(event, payload)),
      }),
    );
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.listeners.clear();
    this.db.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
