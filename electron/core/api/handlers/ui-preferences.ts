import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Language } from '../../../../shared/contract';
import type { Handlers } from '../dispatch';
import type { HandlerContext } from './context';

const FILE = 'preferences.json';

/**
 * The DPO's defaults. The controller and DPO contact live in the workspace (the cover letter
 * reads them from there); the default letter language is a per-installation preference.
 */
export function uiPreferenceHandlers(ctx: HandlerContext): Pick<Handlers, 'preferences:get' | 'preferences:set'> {
  const file = path.join(ctx.deps.dataDir, FILE);
  const language = (): Language => {
    try {
      const raw = JSON.parse(readFileSync(file, 'utf8')) as { defaultLanguage?: unknown };
      return raw.defaultLanguage === 'en' ? 'en' : 'nb';
    } catch {
      return 'nb';
    }
  };
  const view = () => ({ controller: ctx.workspaces.get()?.controller ?? null, defaultLanguage: language() });

  return {
    'preferences:get': async () => view(),
    'preferences:set': async ({ controller, defaultLanguage }) => {
      if (controller) {
        const ws = ctx.workspaces.get();
        ctx.workspaces.replace({ controller, sources: ws?.sources ?? [], file: null });
      }
      if (defaultLanguage) {
        writeFileSync(`${file}.tmp`, JSON.stringify({ defaultLanguage }), { mode: 0o600 });
        renameSync(`${file}.tmp`, file);
      }
      return view();
    },
  };
}
