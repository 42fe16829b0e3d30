import mysql from 'mysql2/promise';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/core/api/dispatch';
import type { Keychain } from '../../electron/core/api/handlers/context';
import { createHandlers } from '../../electron/core/api/handlers/index';
import { openStore } from '../../electron/core/store/store';
import type { CaseDetail } from '../../shared/case';
import type { SearchResult } from '../../shared/search';
import { projectRoot } from '../helpers/corpora';
import { MY, missingServer } from '../helpers/databases';
import { tempDir } from '../helpers/temp';
import { writeWorkspace } from '../helpers/workspace';

const myMissing = await missingServer('mysql');

const DB = 'innsyn_kc_test';
const USER = 'innsyn_kc';
// Random per run, so the test proves the keychain's password is the one that connects.
const PASSWORD = `Kc-${randomBytes(9).toString('base64url')}`;

/**
 * A keychain that really encrypts (AES-256-GCM with a random key), as safeStorage does with
 * the OS key: the file on disk must hold ciphertext the test can check is not the password.
 */
function aesKeychain(): Keychain {
  const key = randomBytes(32);
  return {
    available: async () => true,
    encrypt: async (plain) => {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt: async (blob) => {
      const d = createDecipheriv('aes-256-gcm', key, blob.subarray(0, 12));
      d.setAuthTag(blob.subarray(12, 28));
      return Buffer.concat([d.update(blob.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

async function prepareDatabase(): Promise<void> {
  const c = await mysql.createConnection(MY);
  try {
    await c.query(`CREATE DATABASE IF NOT EXISTS \`${DB}\``);
    await c.query(`CREATE TABLE IF NOT EXISTS \`${DB}\`.kunder (id INT PRIMARY KEY, navn VARCHAR(100), epost VARCHAR(100))`);
    await c.query(`REPLACE INTO \`${DB}\`.kunder VALUES (1, 'Kari Nordmann', 'kari@example.no'), (2, 'Ola Hansen', 'ola@example.no')`);
    for (const host of ['%', 'localhost', '127.0.0.1']) {
      await c.query(`CREATE USER IF NOT EXISTS '${USER}'@'${host}' IDENTIFIED BY '${PASSWORD}'`);
      // Earlier runs used another random password: set this run's one.
      await c.query(`ALTER USER '${USER}'@'${host}' IDENTIFIED BY '${PASSWORD}'`);
      await c.query(`GRANT SELECT ON \`${DB}\`.* TO '${USER}'@'${host}'`);
    }
  } finally {
    await c.end();
  }
}

function session() {
  const dataDir = tempDir();
  const ws = writeWorkspace(tempDir(), [
    { id: 'crm', kind: 'mysql', connection: `mysql://${USER}@${MY.host}:${MY.port}/${DB}` },
  ]);
  const handlers = createHandlers({
    db: openStore(dataDir),
    dataDir,
    resourcesDir: path.join(projectRoot, 'resources'),
    tool: { name: 'Innsyn', version: 'test' },
    dialogs: { openWorkspace: async () => ws, savePackage: async () => null },
    keychain: aesKeychain(),
    emit: () => {},
  });
  const dispatch = createDispatcher(handlers);
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  return { dataDir, dispatch, call };
}

const kari = { names: ['Kari Nordmann'], emails: ['kari@example.no'] };

describe.skipIf(myMissing)('keychain passwords reach searches', () => {
  beforeAll(prepareDatabase, 60_000);

  it('search:run without a stored password reports the source as failed, without any password', async () => {
    const { call } = session();
    await call('workspace:import', {});
    const { result } = await call<{ result: SearchResult }>('search:run', { subject: kari });
    expect(result.sources[0]).toMatchObject({ id: 'crm', status: 'error' });
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });

  it('search:run and case:search connect with the password stored through source:setPassword', async () => {
    const { call, dataDir } = session();
    await call('workspace:import', {});
    await call('source:setPassword', { id: 'crm', password: PASSWORD });
    // Only ciphertext on disk.
    expect(readFileSync(path.join(dataDir, 'keychain.json'), 'utf8')).not.toContain(PASSWORD);

    const { result } = await call<{ result: SearchResult }>('search:run', { subject: kari });
    expect(result.sources[0]).toMatchObject({ id: 'crm', status: 'ok' });
    expect(result.hits.map((h) => h.record)).toEqual([expect.objectContaining({ navn: 'Kari Nordmann' })]);
    expect(JSON.stringify(result)).not.toContain(PASSWORD);

    const created = await call<{ ref: string }>('case:create', { subject: kari, channel: 'email', received: '2026-11-20' });
    await call('case:verify', { ref: created.ref, method: 'BankID', by: 'DPO' });
    const { detail } = await call<{ detail: CaseDetail }>('case:search', { ref: created.ref });
    expect(detail.search?.sources[0]).toMatchObject({ id: 'crm', status: 'ok' });
    expect(detail.hits.length).toBe(1);
    expect(JSON.stringify(detail)).not.toContain(PASSWORD);
  });

  it('a wrong stored password fails the source, and the error does not echo it', async () => {
    const { call } = session();
    await call('workspace:import', {});
    const wrong = `${PASSWORD}-feil`;
    await call('source:setPassword', { id: 'crm', password: wrong });
    const { result } = await call<{ result: SearchResult }>('search:run', { subject: kari });
    expect(result.sources[0]).toMatchObject({ id: 'crm', status: 'error' });
    expect(JSON.stringify(result)).not.toContain(wrong);
    expect(JSON.stringify(result)).not.toContain(PASSWORD);
  });
});
