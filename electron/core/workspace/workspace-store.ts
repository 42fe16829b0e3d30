import type Database from 'better-sqlite3';
import { ControllerSchema, SourceConfigSchema, type SourceConfig } from '../../../shared/workspace';
import type { LoadedWorkspace } from './load';

/** The app's current workspace, kept in the local database. Named statements only. */
export class WorkspaceStore {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      controller: db.prepare('SELECT json FROM controller WHERE id = 1'),
      sources: db.prepare('SELECT json FROM source ORDER BY position'),
      clearSources: db.prepare('DELETE FROM source'),
      putController: db.prepare('INSERT INTO controller (id, json) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json'),
      putSource: db.prepare('INSERT INTO source (id, position, json) VALUES (?, ?, ?)'),
    };
  }

  /** Replaces the stored workspace with `ws` (paths already resolved to absolute). */
  replace(ws: LoadedWorkspace): void {
    this.db.transaction(() => {
      this.statements.putController.run(JSON.stringify(ws.controller));
      this.statements.clearSources.run();
      ws.sources.forEach((s, i) => this.statements.putSource.run(s.id, i, JSON.stringify(s)));
    })();
  }

  get(): LoadedWorkspace | null {
    const row = this.statements.controller.get() as { json: string } | undefined;
    if (!row) return null;
    const sources = (this.statements.sources.all() as Array<{ json: string }>).map(
      (r): SourceConfig => SourceConfigSchema.parse(JSON.parse(r.json)),
    );
    return { controller: ControllerSchema.parse(JSON.parse(row.json)), sources, file: null };
  }
}
