import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { HttpBridge } from '../bridge/http-bridge';
import type { CoreSession } from '../bridge/core-session';
import type { Language } from '../../../shared/contract';
import { ensureE2eRenderer, projectRoot } from './build';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags environment.md lists: without the networking ones Chromium keeps calling out. */
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The renderer served by Vite (preview of the test build) plus the bridge, on 127.0.0.1. */
export class E2eServer {
  private constructor(
    private readonly server: PreviewServer,
    readonly bridge: HttpBridge,
    readonly browser: Browser,
  ) {}

  static async start(): Promise<E2eServer> {
    const outDir = await ensureE2eRenderer();
    const bridge = new HttpBridge(path.join(projectRoot, 'resources'));
    const server = await preview({
      root: path.join(projectRoot, 'renderer'),
      configFile: false,
      logLevel: 'warn',
      plugins: [bridge.plugin()],
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
    });
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    return new E2eServer(server, bridge, browser);
  }

  get url(): string {
    const address = this.server.httpServer.address();
    if (!address || typeof address === 'string') throw new Error('preview server has no port');
    return `http://127.0.0.1:${address.port}/`;
  }

  /** A fresh page bound to a fresh core (own data dir and token), in the given UI language. */
  async open(lang: Language = 'en'): Promise<{ page: Page; session: CoreSession }> {
    const session = this.bridge.newSession();
    const context = await this.browser.newContext({ locale: lang === 'nb' ? 'nb-NO' : 'en-GB', viewport: { width: 1360, height: 900 } });
    // Waits are on events; this is only how long to wait for one on a loaded 2-core CI box.
    context.setDefaultTimeout(90_000);
    await context.addInitScript(
      ({ token, lang }) => {
        // Init scripts run in every frame; the sandboxed mail frame has no storage and gets nothing.
        if (window.top !== window) return;
        (window as unknown as { __innsynBridgeToken: string }).__innsynBridgeToken = token;
        window.localStorage.setItem('innsyn.lang', lang);
      },
      { token: session.token, lang },
    );
    const page = await context.newPage();
    page.on('pageerror', (err) => console.error(`[renderer] ${err.message}`));
    await page.goto(this.url);
    return { page, session };
  }

  async stop(): Promise<void> {
    await this.browser.close();
    await new Promise<void>((resolve) => this.server.httpServer.close(() => resolve()));
    this.bridge.closeAll();
  }
}
