// Layers are enforced here, not by memory:
//   shared/          no Node, no DOM, no electron (pure contract and helpers)
//   renderer/        no Node, no electron (browser APIs and the typed contract only)
//   electron/core/   no electron (plain Node, testable without the Electron binary)
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeModules = builtinModules.filter((m) => !m.startsWith('_'));
const noNode = [
  ...nodeModules.map((name) => ({ name, message: 'This layer must not use Node APIs; ask main through the contract.' })),
];
const nodeProtocol = { group: ['node:*'], message: 'This layer must not use Node APIs.' };
const electronImport = { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' };
const upwardIntoShell = {
  group: ['**/electron/main/**', '**/electron/preload/**', '**/renderer/**'],
  message: 'Lower layers must not depend on the shell or the UI.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tsbuild/**', 'coverage/**', '.cache/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [upwardIntoShell, { group: ['**/electron/cli/**'], message: 'core must not depend on the CLI.' }],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...noNode, electronImport],
          patterns: [nodeProtocol, upwardIntoShell, { group: ['**/electron/**'], message: 'shared/ must not depend on electron/.' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname'].map((name) => ({
          name,
          message: 'shared/ runs in both main and renderer: use neither Node nor DOM globals.',
        })),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...noNode, electronImport],
          patterns: [nodeProtocol, { group: ['**/electron/**'], message: 'The renderer talks to main only through the contract.' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', '__dirname', '__filename'].map((name) => ({
          name,
          message: 'The renderer has no Node: ask main through the contract.',
        })),
      ],
    },
  },
);
