import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceConfig } from '../../shared/workspace';

export const testController = { name: 'Testfirma AS', orgNumber: '999 999 999', email: 'personvern@test.example' };

/** Writes a workspace file into `dir` and returns its path. */
export function writeWorkspace(dir: string, sources: SourceConfig[] | Array<Record<string, unknown>>, name = 'workspace.json'): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify({ controller: testController, sources }, null, 2));
  return file;
}
