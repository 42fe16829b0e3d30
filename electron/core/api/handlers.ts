import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { EventName, EventPayload } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { SearchResult } from '../../../shared/search';
import type { SourceConfig } from '../../../shared/workspace';
import { buildPackage } from '../package/build-package';
import { runSearch } from '../search/run-search';
import { loadWorkspaceFile } from '../workspace/load';
import { WorkspaceStore } from '../workspace/workspace-store';
import type { Handlers } from './dispatch';

/** What the shell provides: native dialogs in Electron, fixed answers in the test bridge. */
export interface Dialogs {
  openWorkspace(): Promise<string | null>;
  savePackage(defaultName: string): Promise<string | null>;
}

export interface HandlerDeps {
  db: Database.Database;
  dataDir: string;
  resourcesDir: string;
  tool: { name: string; version: string };
  dialogs: Dialogs;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

interface Run {
  controller: AbortController;
  sources: SourceConfig[];
  result?: SearchResult;
}

/** Keep only the latest runs in memory: they hold personal data and are not needed for long. */
const MAX_RUNS = 5;

export function createHandlers(deps: HandlerDeps): Handlers {
  const workspaces = new WorkspaceStore(deps.db);
  const runs = new Map<string, Run>();
  const remember = (id: string, run: Run) => {
    runs.set(id, run);
    while (runs.size > MAX_RUNS) runs.delete(runs.keys().next().value as string);
  };

  return {
    'app:info': async () => ({ name: deps.tool.name, version: deps.tool.version, dataDir: deps.dataDir }),

    'workspace:get': async () => {
      const ws = workspaces.get();
      return { workspace: ws ? { controller: ws.controller, sources: ws.sources } : null, path: null };
    },

    'workspace:import': async () => {
      const file = await deps.dialogs.openWorkspace();
      if (!file) return { workspace: null, path: null };
      const loaded = await loadWorkspaceFile(file);
      workspaces.replace(loaded);
      return { workspace: { controller: loaded.controller, sources: loaded.sources }, path: file };
    },

    'search:run': async ({ subject, sources: ids }) => {
      const ws = workspaces.get();
      if (!ws) throw new AppError('NOT_FOUND', 'There is no workspace yet. Import a workspace file first.');
      const sources = ids && ids.length > 0 ? ws.sources.filter((s) => ids.includes(s.id)) : ws.sources;
      const missing = (ids ?? []).filter((id) => !ws.sources.some((s) => s.id === id));
      if (missing.length > 0) throw new AppError('INVALID_INPUT', `Unknown source(s): ${missing.join(', ')}.`);
      const runId = randomUUID();
      const run: Run = { controller: new AbortController(), sources };
      remember(runId, run);
      const result = await runSearch({
        sources,
        subject,
        signal: run.controller.signal,
        onProgress: (p) => deps.emit('search:progress', { runId, ...p }),
      });
      run.result = result;
      return { runId, result };
    },

    'search:cancel': async ({ runId }) => {
      const run = runs.get(runId);
      if (!run || run.result) return { cancelled: false };
      run.controller.abort();
      return { cancelled: true };
    },

    'export:run': async ({ runId, lang, minConfidence }) => {
      const run = runs.get(runId);
      if (!run?.result) throw new AppError('NOT_FOUND', 'That search is no longer available. Run the search again, then export.');
      const ws = workspaces.get();
      if (!ws) throw new AppError('NOT_FOUND', 'There is no workspace yet. Import a workspace file first.');
      const out = await deps.dialogs.savePackage(lang === 'nb' ? 'innsyn.zip' : 'access-request.zip');
      if (!out) return { path: null, files: 0, verified: false };
      const built = await buildPackage({
        outFile: out,
        result: run.result,
        sources: run.sources,
        controller: ws.controller,
        lang,
        minConfidence,
        resourcesDir: deps.resourcesDir,
        tool: deps.tool,
      });
      return { path: built.file, files: built.manifest.files.length + 1, verified: built.verified };
    },
  };
}
