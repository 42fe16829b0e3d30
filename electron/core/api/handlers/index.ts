import type { Handlers } from '../dispatch';
import { appHandlers } from './app';
import { caseHandlers } from './case';
import { HandlerContext, type HandlerDeps } from './context';
import { exportHandlers } from './export';
import { searchHandlers } from './search';
import { sourceHandlers } from './source';
import { uiKeychainHandlers } from './ui-keychain';
import { uiMailHandlers } from './ui-mail';
import { uiPreferenceHandlers } from './ui-preferences';
import { rememberExports, uiRevealHandlers } from './ui-reveal';
import { uiWorkspaceHandlers } from './ui-workspace';
import { workspaceHandlers } from './workspace';

export type { Dialogs, HandlerDeps, Keychain } from './context';

/** All contract handlers, one file per area; `Handlers` makes a forgotten method a type error. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const ctx = new HandlerContext(deps);
  const exported = new Set<string>();
  const cases = caseHandlers(ctx);
  const exports = exportHandlers(ctx);
  return {
    ...appHandlers(ctx),
    ...workspaceHandlers(ctx),
    ...searchHandlers(ctx),
    ...sourceHandlers(ctx),
    ...exports,
    'export:run': rememberExports(exported, exports['export:run']),
    ...uiWorkspaceHandlers(ctx),
    ...uiKeychainHandlers(ctx),
    ...uiPreferenceHandlers(ctx),
    ...uiMailHandlers(ctx),
    ...cases,
    'case:export': rememberExports(exported, cases['case:export']),
    ...uiRevealHandlers(ctx, exported),
  };
}
