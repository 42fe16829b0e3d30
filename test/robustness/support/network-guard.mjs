// @ts-check
/**
 * Test-only preload (`NODE_OPTIONS=--import .../network-guard.mjs`) that proves the offline
 * guarantee: every way a Node process can reach the network is patched to record the attempt
 * in INNSYN_NET_LOG (one JSON line each) and refuse it, unless the target is a database host
 * the workspace names (INNSYN_NET_ALLOW, comma-separated "host" or "host:port").
 *
 * Plain JavaScript on purpose: it must load before tsx registers its TypeScript hooks, and a
 * TypeScript preload in NODE_OPTIONS would also be loaded inside tsx's own hooks thread.
 * Unix-domain sockets stay allowed: they are local IPC, not network.
 */
import dgram from 'node:dgram';
import dns from 'node:dns';
import { appendFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

const logFile = process.env.INNSYN_NET_LOG;
const allowed = (process.env.INNSYN_NET_ALLOW ?? '')
  .split(',')
  .map((s) => s.trim().toLowerCase())
  .filter(Boolean);

/** @param {unknown} host @param {unknown} [port] */
function isAllowed(host, port) {
  const h = String(host ?? 'localhost').toLowerCase().replace(/^\[|\]$/g, '');
  return allowed.some((a) => a === h || (port !== undefined && a === `${h}:${port}`));
}

/** @param {string} api @param {unknown} host @param {unknown} [port] */
function refuse(api, host, port) {
  const target = port === undefined ? String(host) : `${String(host)}:${String(port)}`;
  if (logFile) appendFileSync(logFile, `${JSON.stringify({ api, target, pid: process.pid })}\n`);
  const err = /** @type {NodeJS.ErrnoException} */ (new Error(`network-guard: ${api} to ${target} refused (the app must work offline)`));
  err.code = 'EACCES';
  return err;
}

// --- TCP (also carries http, https, tls, pg, mysql2 and undici's fetch) -------------------
const originalConnect = net.Socket.prototype.connect;
/** @this {net.Socket} @param {...unknown} args */
function guardedConnect(...args) {
  const first = args[0];
  /** @type {{ host?: unknown; port?: unknown; path?: unknown }} */
  const opts =
    Array.isArray(first) ? (first[0] ?? {}) // net's internal normalised form: [options, cb]
    : typeof first === 'object' && first !== null ? /** @type {{ host?: unknown; port?: unknown; path?: unknown }} */ (first)
    : typeof first === 'string' && Number.isNaN(Number(first)) ? { path: first }
    : { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
  if (opts.path === undefined && !isAllowed(opts.host, opts.port)) {
    const err = refuse('net.Socket.connect', opts.host ?? 'localhost', opts.port);
    process.nextTick(() => this.destroy(err));
    return this;
  }
  return Reflect.apply(originalConnect, this, args);
}
net.Socket.prototype.connect = /** @type {typeof net.Socket.prototype.connect} */ (/** @type {unknown} */ (guardedConnect));

const originalTlsConnect = tls.connect;
/** @param {...unknown} args */
function guardedTlsConnect(...args) {
  const first = args[0];
  const opts = typeof first === 'object' && first !== null ? /** @type {{ host?: unknown; port?: unknown; path?: unknown; socket?: unknown }} */ (first) : { port: first, host: args[1] };
  if (!opts.socket && opts.path === undefined && !isAllowed(opts.host, opts.port)) throw refuse('tls.connect', opts.host ?? 'localhost', opts.port);
  return Reflect.apply(originalTlsConnect, tls, args);
}
tls.connect = /** @type {typeof tls.connect} */ (/** @type {unknown} */ (guardedTlsConnect));

// --- HTTP(S): refuse before an agent is even created, so the log names the URL -------------
/** @param {string} api @param {typeof http.request} original @param {object} mod */
function guardRequest(api, original, mod) {
  /** @param {...unknown} args */
  return function guardedRequest(...args) {
    const first = args[0];
    let host;
    let port;
    if (typeof first === 'string' || first instanceof URL) {
      const url = new URL(String(first));
      host = url.hostname;
      port = url.port || undefined;
    } else if (typeof first === 'object' && first !== null) {
      const o = /** @type {{ hostname?: unknown; host?: unknown; port?: unknown; socketPath?: unknown }} */ (first);
      if (o.socketPath !== undefined) return Reflect.apply(original, mod, args);
      host = o.hostname ?? o.host;
      port = o.port;
    }
    if (!isAllowed(host, port)) throw refuse(api, host ?? 'localhost', port);
    return Reflect.apply(original, mod, args);
  };
}
for (const [name, mod] of /** @type {const} */ ([['http', http], ['https', https]])) {
  const request = mod.request;
  const get = mod.get;
  mod.request = /** @type {typeof http.request} */ (/** @type {unknown} */ (guardRequest(`${name}.request`, request, mod)));
  mod.get = /** @type {typeof http.get} */ (/** @type {unknown} */ (guardRequest(`${name}.get`, get, mod)));
}

// --- fetch (undici inside Node) ----------------------------------------------------------
const originalFetch = globalThis.fetch;
if (typeof originalFetch === 'function') {
  /** @param {Parameters<typeof fetch>[0]} input @param {Parameters<typeof fetch>[1]} [init] */
  globalThis.fetch = async function guardedFetch(input, init) {
    const url = new URL(typeof input === 'string' || input instanceof URL ? String(input) : input.url);
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && !isAllowed(url.hostname, url.port || undefined)) {
      throw refuse('fetch', url.hostname, url.port || undefined);
    }
    return originalFetch(input, init);
  };
}

// --- DNS: a lookup is already a packet on the wire -------------------------------------------
/** @param {string} api @param {(...a: unknown[]) => unknown} original @param {object} self @param {boolean} promise */
function guardDns(api, original, self, promise) {
  /** @this {unknown} @param {...unknown} args */
  return function guardedDns(...args) {
    const host = args[0];
    if (net.isIP(String(host)) === 0 && !isAllowed(host)) {
      const err = refuse(api, host);
      if (promise) return Promise.reject(err);
      const cb = args.findLast((a) => typeof a === 'function');
      if (typeof cb === 'function') process.nextTick(() => cb(err));
      return undefined;
    }
    return Reflect.apply(original, this ?? self, args);
  };
}
const resolveNames = Object.keys(dns).filter((k) => k === 'lookup' || k === 'lookupService' || k.startsWith('resolve') || k === 'reverse');
for (const name of resolveNames) {
  const mod = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (dns));
  const fn = mod[name];
  if (typeof fn === 'function') mod[name] = guardDns(`dns.${name}`, /** @type {(...a: unknown[]) => unknown} */ (fn), dns, false);
  const p = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (dns.promises));
  const pfn = p[name];
  if (typeof pfn === 'function') p[name] = guardDns(`dns.promises.${name}`, /** @type {(...a: unknown[]) => unknown} */ (pfn), dns.promises, true);
}
for (const [proto, promise] of /** @type {const} */ ([[dns.Resolver.prototype, false], [dns.promises.Resolver.prototype, true]])) {
  const rec = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (proto));
  for (const name of Object.getOwnPropertyNames(proto)) {
    const fn = rec[name];
    if ((name.startsWith('resolve') || name === 'reverse') && typeof fn === 'function') {
      rec[name] = guardDns(`dns.Resolver.${name}`, /** @type {(...a: unknown[]) => unknown} */ (fn), proto, promise);
    }
  }
}

// --- UDP -------------------------------------------------------------------------------------
const originalSend = dgram.Socket.prototype.send;
/** @this {dgram.Socket} @param {...unknown} args */
function guardedSend(...args) {
  const port = args.find((a, i) => i > 0 && typeof a === 'number');
  const host = args.find((a, i) => i > 0 && typeof a === 'string');
  if (!isAllowed(host, port)) {
    const err = refuse('dgram.send', host ?? 'localhost', port);
    const cb = args.findLast((a) => typeof a === 'function');
    if (typeof cb === 'function') process.nextTick(() => cb(err));
    return;
  }
  return Reflect.apply(originalSend, this, args);
}
dgram.Socket.prototype.send = /** @type {typeof dgram.Socket.prototype.send} */ (/** @type {unknown} */ (guardedSend));
const originalUdpConnect = dgram.Socket.prototype.connect;
/** @this {dgram.Socket} @param {...unknown} args */
function guardedUdpConnect(...args) {
  const host = typeof args[1] === 'string' ? args[1] : 'localhost';
  if (!isAllowed(host, args[0])) throw refuse('dgram.connect', host, args[0]);
  return Reflect.apply(originalUdpConnect, this, args);
}
dgram.Socket.prototype.connect = /** @type {typeof dgram.Socket.prototype.connect} */ (/** @type {unknown} */ (guardedUdpConnect));
