import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createDispatcher, type Dispatch } from '../../../electron/core/api/dispatch';
import { createHandlers, type Dialogs } from '../../../electron/core/api/handlers/index';
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
  async pickSourcePath() {
    return this.nextSourcePath;
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
