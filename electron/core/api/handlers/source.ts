import { AppError } from '../../../../shared/errors';
import { previewSource } from '../../sources/tabular/preview-source';
import type { Handlers } from '../dispatch';
import type { HandlerContext } from './context';
import { SourcePasswords } from './ui-keychain';

/** The source preview (issue #3): what the DPO checks before searching a CSV folder or a database. */
export function sourceHandlers(ctx: HandlerContext): Pick<Handlers, 'source:preview'> {
  return {
    'source:preview': async ({ id, rows }) => {
      const ws = ctx.workspaces.get();
      if (!ws) throw new AppError('NOT_FOUND', 'There is no workspace yet. Import a workspace file first.');
      const config = ws.sources.find((s) => s.id === id);
      if (!config) throw new AppError('NOT_FOUND', `The workspace has no source "${id}".`);
      const keychain = ctx.deps.keychain;
      const password = keychain ? () => new SourcePasswords(ctx.deps.dataDir, keychain).get(id) : undefined;
      return previewSource(config, rows, { password });
    },
  };
}
