import type { App, BrowserWindow, Session, WebContents, WebFrameMain, WebPreferences } from 'electron';

/**
 * The only web preferences Innsyn windows are created with, in the app and in tests alike.
 * The renderer gets no Node, runs sandboxed, and sees main only through the preload API.
 */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
  };
}

/** True for the app's own pages: the packaged file:// renderer or the dev server in development. */
export function isAppUrl(url: string, devServerUrl: string | undefined): boolean {
  try {
    const u = new URL(url);
    if (devServerUrl) return u.origin === new URL(devServerUrl).origin;
    return u.protocol === 'file:';
  } catch {
    return false;
  }
}

/** IPC is answered only for the main frame of one of our own windows, showing our own page. */
export function isTrustedSender(frame: WebFrameMain | null, windows: readonly BrowserWindow[], devServerUrl: string | undefined): boolean {
  if (!frame) return false;
  return windows.some((w) => w.webContents.mainFrame === frame) && isAppUrl(frame.url, devServerUrl);
}

/**
 * One handler for every web contents: no navigation away from the app, no new windows, no
 * <webview>, and every permission request (camera, notifications, geolocation...) denied.
 */
export function installSecurityHandlers(app: App, devServerUrl: string | undefined): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, devServerUrl));
}

export function hardenContents(contents: WebContents, devServerUrl: string | undefined): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
