import type { Handlers } from '../dispatch';
import type { HandlerContext } from './context';

export function appHandlers(ctx: HandlerContext): Pick<Handlers, 'app:info'> {
  const { tool, dataDir } = ctx.deps;
  return {
    'app:info': async () => ({ name: tool.name, version: tool.version, dataDir }),
  };
}
