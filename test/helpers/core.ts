import path from 'node:path';
import type { EventName } from '../../shared/contract';
import { createDispatcher } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers/index';
import { openStore } from '../../electron/core/store/store';
import { projectRoot } from './corpora';
import { tempDir } from './temp';

/**
 * The real core over a fresh store in its own data dir, as the app's main process builds it:
 * the open dialog answers `workspace`, the save dialog answers a file in `out`.
 * `call` returns a method's value, or throws with its error code and message.
 */
export function coreSession(opts: { workspace?: string; emit?: (event: EventName, payload: unknown) => void } = {}) {
  const dataDir = tempDir();
  const out = tempDir();
  const workspace = opts.workspace ?? path.join(projectRoot, 'resources', 'demo', 'workspace.json');
  const dispatch = createDispatcher(
    createHandlers({
      db: openStore(dataDir),
      dataDir,
      resourcesDir: path.join(projectRoot, 'resources'),
      tool: { name: 'Innsyn', version: 'test' },
      dialogs: { openWorkspace: async () => workspace, savePackage: async (name) => path.join(out, name) },
      emit: opts.emit ?? (() => {}),
    }),
  );
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  return { dataDir, out, dispatch, call };
}
