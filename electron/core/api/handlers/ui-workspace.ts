import { rename, writeFile } from 'node:fs/promises';
import { AppError } from '../../../../shared/errors';
import { SourceConfigSchema, WorkspaceSchema, describeWorkspaceIssues, type Workspace } from '../../../../shared/workspace';
import type { LoadedWorkspace } from '../../workspace/load';
import type { Handlers } from '../dispatch';
import type { HandlerContext } from './context';

type UiWorkspaceMethods = 'workspace:export' | 'source:add' | 'source:update' | 'source:remove';

const plain = (ws: LoadedWorkspace): Workspace => ({ controller: ws.controller, sources: ws.sources });

/** Workspace editing for the UI. Paths come from native dialogs in main, never from the renderer. */
export function uiWorkspaceHandlers(ctx: HandlerContext): Pick<Handlers, UiWorkspaceMethods> {
  const current = (): LoadedWorkspace => {
    const ws = ctx.workspaces.get();
    if (!ws) throw new AppError('NOT_FOUND', 'There is no workspace yet. Fill in the controller under Settings, or import a workspace file.');
    return ws;
  };
  const save = (ws: LoadedWorkspace): Workspace => {
    const parsed = WorkspaceSchema.safeParse(plain(ws));
    if (!parsed.success) {
      const details = describeWorkspaceIssues(plain(ws), parsed.error.issues);
      throw new AppError('INVALID_INPUT', `The source could not be saved: ${details.join('; ')}`, details);
    }
    ctx.workspaces.replace(ws);
    return parsed.data;
  };

  return {
    'workspace:export': async () => {
      const ws = current();
      const file = await ctx.deps.dialogs.saveWorkspace?.('innsyn-workspace.json');
      if (!file) return { path: null };
      // Written next to the target and renamed, so a crash never leaves half a workspace file.
      const tmp = `${file}.tmp-${process.pid}`;
      await writeFile(tmp, `${JSON.stringify(plain(ws), null, 2)}\n`, { mode: 0o600 });
      await rename(tmp, file);
      return { path: file };
    },

    'source:add': async ({ kind, id, label, pick, connection }) => {
      const ws = current();
      if (ws.sources.some((s) => s.id === id)) throw new AppError('INVALID_INPUT', `A source called "${id}" already exists. Choose another short name.`);
      let candidate: unknown;
      if (kind === 'postgres' || kind === 'mysql') {
        candidate = { id, kind, label, connection };
      } else {
        const path = await ctx.deps.dialogs.pickSource?.(pick ?? (kind === 'sqlite' ? 'file' : 'folder'), kind);
        if (!path) return { workspace: plain(ws), added: false };
        candidate = { id, kind, label, path };
      }
      const parsed = SourceConfigSchema.safeParse(candidate);
      if (!parsed.success) {
        throw new AppError('INVALID_INPUT', `The source could not be added: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      }
      return { workspace: save({ ...ws, sources: [...ws.sources, parsed.data] }), added: true };
    },

    'source:update': async ({ id, label, processing, links }) => {
      const ws = current();
      const source = ws.sources.find((s) => s.id === id);
      if (!source) throw new AppError('NOT_FOUND', `There is no source called "${id}".`);
      const next = {
        ...source,
        ...(label !== undefined ? { label } : {}),
        ...(processing !== undefined ? { processing } : {}),
        ...(links !== undefined ? { links } : {}),
      };
      return { workspace: save({ ...ws, sources: ws.sources.map((s) => (s.id === id ? next : s)) }) };
    },

    'source:remove': async ({ id }) => {
      const ws = current();
      if (!ws.sources.some((s) => s.id === id)) throw new AppError('NOT_FOUND', `There is no source called "${id}".`);
      return { workspace: save({ ...ws, sources: ws.sources.filter((s) => s.id !== id) }) };
    },
  };
}
