import { app, BrowserWindow, ipcMain, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatcher } from '../core/api/dispatch';
import { createHandlers } from '../core/api/handlers/index';
import { APP_NAME } from '../core/store/data-dir';
import { openStore } from '../core/store/store';
import { nativeDialogs } from './dialogs';
import { registerIpc } from './ipc';
import { denyAllPermissions, installSecurityHandlers, isAppUrl, secureWebPreferences } from './security';

const here = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

// The CLI computes the same folder from this name, so both share one database.
app.setName(APP_NAME);
app.enableSandbox();
installSecurityHandlers(app, devServerUrl);

let mainWindow: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    show: false,
    title: APP_NAME,
    webPreferences: secureWebPreferences(path.join(here, '../preload/index.cjs')),
  });
  win.once('ready-to-show', () => win.show());
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(path.join(here, '../renderer/index.html'));
  win.on('closed', () => (mainWindow = null));
  return win;
}

void app.whenReady().then(() => {
  denyAllPermissions(session.defaultSession);
  const dataDir = app.getPath('userData');
  const db = openStore(dataDir);
  const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(here, '../../resources');
  const dispatch = createDispatcher(
    createHandlers({
      db,
      dataDir,
      resourcesDir,
      tool: { name: APP_NAME, version: app.getVersion() },
      dialogs: nativeDialogs(() => mainWindow),
      emit: (event, payload) => {
        for (const w of BrowserWindow.getAllWindows()) w.webContents.send(event, payload);
      },
    }),
  );
  registerIpc(ipcMain, dispatch, (frame) => {
    if (!frame) return false;
    return BrowserWindow.getAllWindows().some((w) => w.webContents.mainFrame === frame) && isAppUrl(frame.url, devServerUrl);
  });
  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('will-quit', () => db.close());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
