import type { Handlers } from '../dispatch';
import { appHandlers } from './app';
import { HandlerContext, type HandlerDeps } from './context';
import { exportHandlers } from './export';
import { searchHandlers } from './search';
import { workspaceHandlers } from './workspace';

export type { Dialogs, HandlerDeps } from './context';

/** All contract handlers, one file per area; `Handlers` makes a forgotten method a type error. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const ctx = new HandlerContext(deps);
  return {
    ...appHandlers(ctx),
    ...workspaceHandlers(ctx),
    ...searchHandlers(ctx),
    ...exportHandlers(ctx),
  };
}
