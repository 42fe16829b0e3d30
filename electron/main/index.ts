import { app, BrowserWindow, ipcMain, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_NAME } from '../core/store/data-dir';
import { startCore } from './core-host';
import { nativeDialogs } from './dialogs';
import { registerIpc } from './ipc';
import { osKeychain } from './keychain';
import { denyAllPermissions, installSecurityHandlers, isTrustedSender, secureWebPreferences } from './security';

const here = path.dirname(fileURLToPath(import.meta.url));
// The dev server is only ever used when running from source, never in a packaged app.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

// The CLI computes the same folder from this name, so both share one database.
app.setName(APP_NAME);
app.enableSandbox();
installSecurityHandlers(app, devServerUrl);

let mainWindow: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: APP_NAME,
    backgroundColor: '#f4f6f8',
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
  const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(here, '../../resources');
  const core = startCore(
    path.join(here, 'core-process.js'),
    { dataDir: app.getPath('userData'), resourcesDir, tool: { name: APP_NAME, version: app.getVersion() } },
    nativeDialogs(() => mainWindow),
    osKeychain,
    (event, payload) => {
      for (const w of BrowserWindow.getAllWindows()) w.webContents.send(event, payload);
    },
  );
  registerIpc(ipcMain, core.dispatch, (frame) => isTrustedSender(frame, BrowserWindow.getAllWindows(), devServerUrl));
  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('will-quit', () => core.stop());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
