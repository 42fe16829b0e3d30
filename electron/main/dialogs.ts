import { dialog, type BrowserWindow } from 'electron';
import type { Dialogs } from '../core/api/handlers/index';

/** Native open/save dialogs: the renderer never supplies a path of its own. */
export function nativeDialogs(window: () => BrowserWindow | null): Dialogs {
  return {
    async openWorkspace() {
      const win = window();
      const options = { properties: ['openFile' as const], filters: [{ name: 'Innsyn workspace', extensions: ['json'] }] };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
    },
    async savePackage(defaultName) {
      const win = window();
      const options = { defaultPath: defaultName, filters: [{ name: 'ZIP', extensions: ['zip'] }] };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
  };
}
