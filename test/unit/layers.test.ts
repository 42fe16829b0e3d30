import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/corpora';

const eslint = new ESLint({ cwd: projectRoot });

async function restrictedImports(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(projectRoot, file) });
  return result.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('layer rules (npm run lint)', () => {
  it('reject electron in electron/core', async () => {
    expect(await restrictedImports("import { app } from 'electron';\nexport const x = app;\n", 'electron/core/search/x.ts')).toHaveLength(1);
  });

  it('reject Node APIs and Node/DOM globals in shared/', async () => {
    expect(await restrictedImports("import fs from 'fs';\nexport const x = fs;\n", 'shared/x.ts')).toHaveLength(1);
    expect(await restrictedImports("import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n", 'shared/x.ts')).toHaveLength(1);
    expect(await restrictedImports('export const x = window.location.href;\n', 'shared/x.ts')).toHaveLength(1);
    expect(await restrictedImports('export const x = process.env.HOME;\n', 'shared/x.ts')).toHaveLength(1);
  });

  it('reject Node and electron in renderer/', async () => {
    expect(await restrictedImports("import path from 'node:path';\nexport const x = path;\n", 'renderer/src/x.ts')).toHaveLength(1);
    expect(await restrictedImports("import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n", 'renderer/src/x.tsx')).toHaveLength(1);
    expect(await restrictedImports("import { runSearch } from '../../electron/core/search/run-search';\nexport const x = runSearch;\n", 'renderer/src/x.ts')).toHaveLength(1);
  });

  it('allow what each layer may use', async () => {
    expect(await restrictedImports("import { z } from 'zod';\nexport const x = z;\n", 'shared/x.ts')).toEqual([]);
    expect(await restrictedImports("import fs from 'node:fs';\nexport const x = fs;\n", 'electron/core/x.ts')).toEqual([]);
    expect(await restrictedImports("import { app } from 'electron';\nexport const x = app;\n", 'electron/main/x.ts')).toEqual([]);
  });

  it('give shared/ and renderer/ no Node type definitions', () => {
    const shared = JSON.parse(readFileSync(path.join(projectRoot, 'tsconfig.shared.json'), 'utf8'));
    const web = JSON.parse(readFileSync(path.join(projectRoot, 'tsconfig.web.json'), 'utf8'));
    expect(shared.compilerOptions.types).toEqual([]);
    expect(shared.compilerOptions.lib).not.toContain('DOM');
    expect(web.compilerOptions.types ?? []).not.toContain('node');
  });
});
