import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Innsyn';

/**
 * The folder the desktop app uses for its database (Electron's `userData` for an app named
 * "Innsyn"), so the CLI and the app share cases by default. `INNSYN_DATA_DIR` or
 * `--data-dir` override it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.INNSYN_DATA_DIR) return path.resolve(env.INNSYN_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}
