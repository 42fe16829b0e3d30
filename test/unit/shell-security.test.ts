import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

// The shell is tested without the Electron binary: electron is replaced by a stub module.
vi.mock('electron', () => ({}));

import type { App, BrowserWindow, Session, WebContents, WebFrameMain } from 'electron';
import { denyAllPermissions, hardenContents, installSecurityHandlers, isAppUrl, isTrustedSender, secureWebPreferences } from '../../electron/main/security';

class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(h: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = h;
  }
  /** Emits like Electron does and reports whether a listener called preventDefault(). */
  attempt(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

describe('window security settings', () => {
  it('creates windows sandboxed, isolated and without Node, with the preload as the only bridge', () => {
    const prefs = secureWebPreferences('/app/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('treats only the packaged file:// page, or the dev server when given, as the app', () => {
    expect(isAppUrl('file:///opt/Innsyn/resources/app.asar/out/renderer/index.html', undefined)).toBe(true);
    expect(isAppUrl('https://example.com/', undefined)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', undefined)).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/x', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('file:///etc/passwd', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('not a url', undefined)).toBe(false);
  });
});

describe('the one handler for every web contents', () => {
  const app = new EventEmitter();
  installSecurityHandlers(app as unknown as App, undefined);
  const contents = new FakeContents();
  app.emit('web-contents-created', {}, contents as unknown as WebContents);

  it('blocks navigation and redirects away from the app', () => {
    expect(contents.attempt('will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(contents.attempt('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
    expect(contents.attempt('will-navigate', 'file:///opt/Innsyn/out/renderer/index.html')).toBe(false);
  });

  it('blocks <webview> and every new window', () => {
    expect(contents.attempt('will-attach-webview', '')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///opt/Innsyn/out/renderer/index.html' })).toEqual({ action: 'deny' });
  });

  it('is installed on contents created later too (hardenContents is the same handler)', () => {
    const other = new FakeContents();
    hardenContents(other as unknown as WebContents, undefined);
    expect(other.attempt('will-navigate', 'https://example.com')).toBe(true);
  });
});

describe('permissions', () => {
  it('denies every permission request and check (camera, notifications, geolocation...)', () => {
    let request: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | null = null;
    let check: ((...args: unknown[]) => boolean) | null = null;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
    };
    denyAllPermissions(session as unknown as Session);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn();
      request!({}, permission, cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect(check!({}, permission)).toBe(false);
    }
  });
});

describe('trusted senders', () => {
  const frame = { url: 'file:///opt/Innsyn/out/renderer/index.html' } as WebFrameMain;
  const win = { webContents: { mainFrame: frame } } as unknown as BrowserWindow;

  it('accepts the main frame of our window showing our page', () => {
    expect(isTrustedSender(frame, [win], undefined)).toBe(true);
  });

  it('rejects a missing frame, a sub-frame, another window, and our window after navigating away', () => {
    expect(isTrustedSender(null, [win], undefined)).toBe(false);
    expect(isTrustedSender({ url: frame.url } as WebFrameMain, [win], undefined)).toBe(false);
    expect(isTrustedSender(frame, [], undefined)).toBe(false);
    const away = { url: 'https://evil.example/' } as WebFrameMain;
    const hijacked = { webContents: { mainFrame: away } } as unknown as BrowserWindow;
    expect(isTrustedSender(away, [hijacked], undefined)).toBe(false);
  });
});
