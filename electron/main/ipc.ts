import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { methods } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import type { Dispatch } from '../core/api/dispatch';

/**
 * Registers one `ipcMain.handle` per contract method, all through the same wrapper: the
 * sender must be one of our own frames, then the core dispatcher validates and runs the call.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  isTrustedFrame: (frame: WebFrameMain | null) => boolean,
): void {
  for (const method of methods) {
    ipcMain.handle(method, async (event: IpcMainInvokeEvent, input: unknown): Promise<Envelope<unknown>> => {
      if (!isTrustedFrame(event.senderFrame)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'This request did not come from an Innsyn window and was refused.' } };
      }
      return dispatch(method, input);
    });
  }
}
