import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: resources/ and package.json live there, both in a checkout and an install. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const resourcesDir = path.join(projectRoot, 'resources');

export const tool = (() => {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  return { name: 'Innsyn', version: pkg.version };
})();
