import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { CoreSession } from './core-session';

export const BRIDGE_PREFIX = '/__innsyn-test-bridge';

type Next = (err?: unknown) => void;

/**
 * TEST ONLY. Serves the contract from the real core over HTTP on the same origin as the
 * renderer, so the production CSP (`connect-src 'self'`) needs no loosening. Every request
 * must carry the session's random token; the server listens on 127.0.0.1 only. This file is
 * never imported by the app: the e2e build swaps the renderer's transport for the HTTP one.
 */
export class HttpBridge {
  private readonly sessions = new Map<string, CoreSession>();

  constructor(private readonly resourcesDir: string) {}

  newSession(): CoreSession {
    const session = new CoreSession(this.resourcesDir);
    this.sessions.set(session.token, session);
    return session;
  }

  closeAll(): void {
    for (const s of this.sessions.values()) s.close();
    this.sessions.clear();
  }

  plugin(): Plugin {
    return {
      name: 'innsyn-test-bridge',
      configurePreviewServer: (server) => {
        server.middlewares.use((req, res, next: Next) => {
          if (!req.url?.startsWith(BRIDGE_PREFIX)) return next();
          void this.handle(req, res).catch(next);
        });
      },
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const token = req.headers['x-innsyn-token'] ?? url.searchParams.get('token');
    const session = typeof token === 'string' ? this.sessions.get(token) : undefined;
    if (!session) {
      res.writeHead(403).end();
      return;
    }
    const route = url.pathname.slice(BRIDGE_PREFIX.length);
    if (route === '/events' && req.method === 'GET') return this.events(session, req, res);
    const invoke = /^\/invoke\/([a-z]+:[a-zA-Z-]+)$/.exec(route);
    if (invoke && req.method === 'POST') {
      const body = await readBody(req);
      const envelope = await session.dispatch(invoke[1], body === '' ? {} : JSON.parse(body));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(envelope));
      return;
    }
    res.writeHead(404).end();
  }

  /** Server-sent events: the contract's events, as Electron's webContents.send would deliver them. */
  private events(session: CoreSession, req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': open\n\n');
    const off = session.subscribe((event, payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    req.on('close', off);
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
