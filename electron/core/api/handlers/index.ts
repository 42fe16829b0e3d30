import type { Handlers } from '../dispatch';
import { appHandlers } from './app';
import { caseHandlers } from './case';
import { HandlerContext, type HandlerDeps } from './context';
import { exportHandlers } from './export';
import { searchHandlers } from './search';
import { uiKeychainHandlers } from './ui-keychain';
import { uiPreferenceHandlers } from './ui-preferences';
import { uiWorkspaceHandlers } from './ui-workspace';
import { workspaceHandlers } from './workspace';

export type { Dialogs, HandlerDeps, Keychain } from './context';

/** All contract handlers, one file per area; `Handlers` makes a forgotten method a type error. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const ctx = new HandlerContext(deps);
  return {
    ...appHandlers(ctx),
    ...workspaceHandlers(ctx),
    ...searchHandlers(ctx),
    ...exportHandlers(ctx),
    ...uiWorkspaceHandlers(ctx),
    ...uiKeychainHandlers(ctx),
    ...uiPreferenceHandlers(ctx),
    ...caseHandlers(ctx),
  };
}
