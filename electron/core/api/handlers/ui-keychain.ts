import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/errors';
import type { Handlers } from '../dispatch';
import type { HandlerContext, Keychain } from './context';

const FILE = 'keychain.json';

/**
 * Source passwords, encrypted by the OS keychain (safeStorage) before they touch the disk.
 * Async because in the app the core runs in a utility process and asks main to encrypt.
 * The file maps source id → base64 ciphertext; without the OS key it is useless.
 */
export class SourcePasswords {
  constructor(
    private readonly dataDir: string,
    private readonly keychain: Keychain,
  ) {}

  private read(): Record<string, string> {
    try {
      return JSON.parse(readFileSync(path.join(this.dataDir, FILE), 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  }

  async store(sourceId: string, password: string): Promise<void> {
    const all = { ...this.read(), [sourceId]: (await this.keychain.encrypt(password)).toString('base64') };
    const file = path.join(this.dataDir, FILE);
    writeFileSync(`${file}.tmp`, JSON.stringify(all), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  }

  /** For the connectors: the password for a server source, or null when none is stored. */
  async get(sourceId: string): Promise<string | null> {
    const blob = this.read()[sourceId];
    return blob ? this.keychain.decrypt(Buffer.from(blob, 'base64')) : null;
  }
}

export function uiKeychainHandlers(ctx: HandlerContext): Pick<Handlers, 'source:setPassword'> {
  return {
    'source:setPassword': async ({ id, password }) => {
      const keychain = ctx.deps.keychain;
      if (!keychain || !(await keychain.available())) {
        throw new AppError(
          'FORBIDDEN',
          'This computer has no keychain Innsyn can use, so the password was not saved. Nothing was written to disk. Give the password in an environment variable instead (see the README).',
        );
      }
      const ws = ctx.workspaces.get();
      const source = ws?.sources.find((s) => s.id === id);
      if (!source || (source.kind !== 'postgres' && source.kind !== 'mysql')) {
        throw new AppError('NOT_FOUND', `There is no database source called "${id}".`);
      }
      await new SourcePasswords(ctx.deps.dataDir, keychain).store(id, password);
      return { stored: true };
    },
  };
}
