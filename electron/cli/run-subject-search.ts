import { AppError } from '../../shared/errors';
import type { SearchResult } from '../../shared/search';
import type { Subject } from '../../shared/subject';
import type { SourceConfig } from '../../shared/workspace';
import { runSearch } from '../core/search/run-search';
import { openStore } from '../core/store/store';
import { loadWorkspaceFile, type LoadedWorkspace } from '../core/workspace/load';
import { WorkspaceStore } from '../core/workspace/workspace-store';
import { terminalProgress } from './progress';
import { subjectFrom, type SubjectOptions } from './subject-options';

export interface CliSearch {
  workspace: LoadedWorkspace;
  sources: SourceConfig[];
  result: SearchResult;
}

export async function loadCliWorkspace(file: string | undefined, dataDir: string): Promise<LoadedWorkspace> {
  if (file) return loadWorkspaceFile(file);
  const db = openStore(dataDir);
  try {
    const ws = new WorkspaceStore(db).get();
    if (!ws) {
      throw new AppError(
        'INVALID_INPUT',
        'No workspace given and none imported yet. Pass --workspace FILE, or import one with "innsyn workspace import FILE".',
      );
    }
    return ws;
  } finally {
    db.close();
  }
}

/** Picks the sources named by --source (all when none), rejecting unknown ids as a usage error. */
export function chooseSources(ws: LoadedWorkspace, ids: readonly string[] | undefined): SourceConfig[] {
  if (!ids || ids.length === 0) return ws.sources;
  const unknown = ids.filter((id) => !ws.sources.some((s) => s.id === id));
  if (unknown.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `Unknown source id(s): ${unknown.join(', ')}. The workspace has: ${ws.sources.map((s) => s.id).join(', ') || '(none)'}.`,
    );
  }
  return ws.sources.filter((s) => ids.includes(s.id));
}

/** `subject` is given when the identifiers come from elsewhere (a case), not only the options. */
export async function runCliSearch(opts: SubjectOptions, dataDir: string, subject: Subject = subjectFrom(opts)): Promise<CliSearch> {
  const workspace = await loadCliWorkspace(opts.workspace, dataDir);
  const sources = chooseSources(workspace, opts.source);
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    const result = await runSearch({ sources, subject, signal: controller.signal, onProgress: terminalProgress() });
    return { workspace, sources, result };
  } finally {
    process.off('SIGINT', onSigint);
  }
}
