import type { Command } from 'commander';
import { openStore } from '../../core/store/store';
import { SettingsStore } from '../../core/cases/settings';
import { jsonOption, print } from './case-shared';

/** `innsyn settings show|set`: e.g. how many days record copies are kept after closure. */
export function registerSettings(program: Command, dataDir: () => string): void {
  const settings = program.command('settings').description('show or change settings (retentionDays: days record copies are kept after a case is closed)');
  settings
    .command('show')
    .description('print the settings')
    .addOption(jsonOption())
    .action((opts: { json?: boolean }) => {
      const db = openStore(dataDir());
      try {
        const all = new SettingsStore(db).all();
        print(opts.json, all, () => Object.entries(all).map(([k, v]) => `${k} = ${String(v)}\n`).join(''));
      } finally {
        db.close();
      }
    });
  settings
    .command('set <key> <value>')
    .description('change a setting, e.g. "settings set retentionDays 60"')
    .addOption(jsonOption())
    .action((key: string, value: string, opts: { json?: boolean }) => {
      const db = openStore(dataDir());
      try {
        const all = new SettingsStore(db).set(key, value);
        print(opts.json, all, () => `${key} = ${String(all[key as keyof typeof all])}\n`);
      } finally {
        db.close();
      }
    });
}
