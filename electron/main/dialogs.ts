import { dialog, shell, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { Dialogs } from '../core/api/handlers/index';

const sourceFilters: Record<'csv' | 'sqlite' | 'mailbox', OpenDialogOptions['filters']> = {
  csv: [{ name: 'CSV', extensions: ['csv', 'txt', 'tsv'] }],
  sqlite: [{ name: 'SQLite', extensions: ['sqlite', 'sqlite3', 'db'] }],
  mailbox: [{ name: 'Mail', extensions: ['mbox', 'eml', 'msg', 'pst'] }],
};

/** Native open/save dialogs: the renderer never supplies a path of its own. */
export function nativeDialogs(window: () => BrowserWindow | null): Required<Dialogs> {
  const open = async (options: OpenDialogOptions) => {
    const win = window();
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
  };
  const save = async (options: SaveDialogOptions) => {
    const win = window();
    const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : r.filePath;
  };
  return {
    openWorkspace: () => open({ properties: ['openFile'], filters: [{ name: 'Innsyn workspace', extensions: ['json'] }] }),
    savePackage: (defaultName) => save({ defaultPath: defaultName, filters: [{ name: 'ZIP', extensions: ['zip'] }] }),
    saveWorkspace: (defaultName) => save({ defaultPath: defaultName, filters: [{ name: 'Innsyn workspace', extensions: ['json'] }] }),
    pickSource: (pick, kind) =>
      open(pick === 'folder' ? { properties: ['openDirectory'] } : { properties: ['openFile'], filters: sourceFilters[kind] }),
    reveal: async (file) => shell.showItemInFolder(file),
  };
}
