import { AppError } from '../../../../shared/errors';
import type { Handlers } from '../dispatch';
import type { HandlerContext } from './context';

/**
 * "Show in folder" takes a path from the renderer, so it only accepts the paths of packages
 * this app instance wrote itself (recorded by `rememberExports`); it can reveal nothing else.
 */
export function uiRevealHandlers(ctx: HandlerContext, exported: ReadonlySet<string>): Pick<Handlers, 'export:reveal'> {
  return {
    'export:reveal': async ({ path }) => {
      if (!exported.has(path)) throw new AppError('FORBIDDEN', 'Innsyn only shows packages it exported in this session.');
      if (!ctx.deps.dialogs.reveal) return { shown: false };
      await ctx.deps.dialogs.reveal(path);
      return { shown: true };
    },
  };
}

/** Wraps an export handler so every package it writes is remembered for "show in folder". */
export function rememberExports<I, O extends { path: string | null }>(exported: Set<string>, handler: (input: I) => Promise<O>): (input: I) => Promise<O> {
  return async (input) => {
    const out = await handler(input);
    if (out.path) exported.add(out.path);
    return out;
  };
}
