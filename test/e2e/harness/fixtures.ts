import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './build';

export const demoWorkspace = path.join(projectRoot, 'resources/demo/workspace.json');
export const demoPerson = { name: 'Ingrid Ødegård-Bakken', email: 'ingrid.odegard@example.no', phone: '+47 913 45 678' };

/** Screenshots for reviewers; the folder is git-ignored. */
export function screenshotPath(screen: string, lang: 'nb' | 'en'): string {
  const dir = path.join(projectRoot, 'test/e2e/screenshots');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${screen}-${lang}.png`);
}
