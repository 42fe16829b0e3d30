import { randomUUID } from 'node:crypto';
import { AppError } from '../../../../shared/errors';
import { runSearch } from '../../search/run-search';
import type { Handlers } from '../dispatch';
import type { HandlerContext, Run } from './context';
import { SourcePasswords } from './ui-keychain';

export function searchHandlers(ctx: HandlerContext): Pick<Handlers, 'search:run' | 'search:cancel'> {
  return {
    'search:run': async ({ subject, sources: ids }) => {
      const ws = ctx.workspaces.get();
      if (!ws) throw new AppError('NOT_FOUND', 'There is no workspace yet. Import a workspace file first.');
      const missing = (ids ?? []).filter((id) => !ws.sources.some((s) => s.id === id));
      if (missing.length > 0) throw new AppError('INVALID_INPUT', `Unknown source(s): ${missing.join(', ')}.`);
      const sources = ids && ids.length > 0 ? ws.sources.filter((s) => ids.includes(s.id)) : ws.sources;
      const runId = randomUUID();
      const run: Run = { controller: new AbortController(), sources };
      ctx.remember(runId, run);
      // The keychain is only read when a server source connects; the CLI has none (passwordEnv).
      const keychain = ctx.deps.keychain;
      const stored = keychain ? new SourcePasswords(ctx.deps.dataDir, keychain) : undefined;
      const result = await runSearch({
        sources,
        subject,
        signal: run.controller.signal,
        onProgress: (p) => ctx.deps.emit('search:progress', { runId, ...p }),
        ...(stored ? { passwords: (id: string) => stored.get(id) } : {}),
      });
      run.result = result;
      return { runId, result };
    },

    'search:cancel': async ({ runId }) => {
      const run = ctx.run(runId);
      if (!run || run.result) return { cancelled: false };
      run.controller.abort();
      return { cancelled: true };
    },
  };
}
