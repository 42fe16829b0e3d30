import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';

/** Data minimisation (Art. 5(1)(c)): record snapshots are kept this many days after closure. */
export const DEFAULT_RETENTION_DAYS = 30;

export interface Settings {
  retentionDays: number;
}

const parsers: { [K in keyof Settings]: (text: string) => Settings[K] } = {
  retentionDays: (text) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0 || n > 3650) {
      throw new AppError('INVALID_INPUT', `retentionDays must be a whole number of days from 0 to 3650, not "${text}".`);
    }
    return n;
  },
};

export const settingNames = Object.keys(parsers) as Array<keyof Settings>;

export class SettingsStore {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      get: db.prepare('SELECT value FROM setting WHERE key = ?'),
      put: db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    };
  }

  all(): Settings {
    return { retentionDays: this.retentionDays() };
  }

  retentionDays(): number {
    const row = this.s.get.get('retentionDays') as { value: string } | undefined;
    return row ? parsers.retentionDays(row.value) : DEFAULT_RETENTION_DAYS;
  }

  set(key: string, value: string): Settings {
    if (!Object.hasOwn(parsers, key)) {
      throw new AppError('INVALID_INPUT', `Unknown setting "${key}". Known settings: ${settingNames.join(', ')}.`);
    }
    const parsed = parsers[key as keyof Settings](value);
    this.s.put.run(key, String(parsed));
    return this.all();
  }
}
