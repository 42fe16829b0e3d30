import { spawn } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { networkGuard } from './support/network-guard-path';

/**
 * The offline tests are only as good as the guard. This proves, in a real process, that each
 * way out (DNS, TCP, TLS, HTTP, HTTPS, fetch, UDP) is recorded and refused, and that an
 * allowed database host still connects.
 */
const attempts = `
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
const outcome = {};
const settle = (name, start) => new Promise((resolve) => {
  try {
    start((err) => { outcome[name] = err ? String(err.message) : 'ok'; resolve(); });
  } catch (err) { outcome[name] = String(err.message); resolve(); }
});
await settle('dns.lookup', (cb) => dns.lookup('example.com', (e) => cb(e)));
await settle('dns.promises.resolve4', (cb) => dns.promises.resolve4('example.com').then(() => cb(), cb));
await settle('dns.Resolver', (cb) => new dns.Resolver().resolve4('example.com', (e) => cb(e)));
await settle('net.connect', (cb) => net.connect(80, '93.184.215.14').on('error', cb).on('connect', () => cb()));
await settle('net.createConnection-opts', (cb) => net.createConnection({ host: 'example.com', port: 443 }).on('error', cb).on('connect', () => cb()));
await settle('tls.connect', (cb) => tls.connect(443, 'example.com').on('error', cb).on('secureConnect', () => cb()));
await settle('http.get', (cb) => http.get('http://example.com/', () => cb()).on('error', cb));
await settle('https.request', (cb) => https.request({ host: 'fonts.googleapis.com', path: '/' }, () => cb()).on('error', cb).end());
await settle('fetch', (cb) => fetch('https://analytics.example/collect').then(() => cb(), cb));
await settle('dgram.send', (cb) => { const s = dgram.createSocket('udp4'); s.send(Buffer.from('x'), 53, '8.8.8.8', (e) => { s.close(); cb(e); }); });
await settle('allowed', (cb) => { const s = net.connect(5432, '127.0.0.1'); s.on('error', cb).on('connect', () => { s.destroy(); cb(); }); });
process.stdout.write(JSON.stringify(outcome));
`;

describe('network guard (test tooling)', () => {
  it('records and refuses every outbound attempt, and lets the allowed database host through', async () => {
    const dir = tempDir('innsyn-guard-');
    const log = path.join(dir, 'net.jsonl');
    const child = spawn(process.execPath, ['--input-type=module', '-e', attempts], {
      env: { ...process.env, NODE_OPTIONS: `--import ${networkGuard}`, INNSYN_NET_LOG: log, INNSYN_NET_ALLOW: '127.0.0.1:5432' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, err).toBe(0);
    const outcome = JSON.parse(out) as Record<string, string>;
    const { allowed, ...blocked } = outcome;
    expect(Object.keys(blocked)).toHaveLength(10);
    for (const [name, result] of Object.entries(blocked)) expect(result, name).toMatch(/network-guard: .* refused/);
    // PostgreSQL listens on 127.0.0.1:5432 on these machines; the guard must not get in its way.
    expect(allowed).toBe('ok');
    const logged = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { api: string; target: string }) : [];
    expect(logged.map((l) => l.target)).toEqual(
      expect.arrayContaining(['example.com', '93.184.215.14:80', 'example.com:443', 'fonts.googleapis.com', 'analytics.example', '8.8.8.8:53']),
    );
    expect(logged.some((l) => l.target.startsWith('127.0.0.1'))).toBe(false);
  });
});
