import { loadWorkspaceFile } from '../../workspace/load';
import type { Handlers } from '../dispatch';
import type { HandlerContext } from './context';

export function workspaceHandlers(ctx: HandlerContext): Pick<Handlers, 'workspace:get' | 'workspace:import'> {
  return {
    'workspace:get': async () => {
      const ws = ctx.workspaces.get();
      return { workspace: ws ? { controller: ws.controller, sources: ws.sources } : null, path: null };
    },

    'workspace:import': async () => {
      const file = await ctx.deps.dialogs.openWorkspace();
      if (!file) return { workspace: null, path: null };
      const loaded = await loadWorkspaceFile(file);
      ctx.workspaces.replace(loaded);
      return { workspace: { controller: loaded.controller, sources: loaded.sources }, path: file };
    },
  };
}
