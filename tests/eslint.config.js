// ESLint flat config; run as `eslint -c tests/eslint.config.js .` (npm run lint).
// The import rules make DESIGN.md's layering a fact: shared/ is pure, renderer/ never
// reaches into electron/, and the services and command line never load `electron`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'stream'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'release/**', 'node_modules/**', 'tests/e2e/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      // Node and DOM globals compile in shared/ (dependencies' typings pull @types/node in): forbid them here.
      'no-restricted-globals': ['error', 'Buffer', 'process', 'window', 'document', '__dirname', '__filename', 'require', 'navigator'],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', ...nodeBuiltins], message: 'shared/ runs anywhere: no Electron, no Node built-ins.' },
            { group: ['react', 'react-dom', 'lexical', '@lexical/*'], message: 'shared/ holds no UI code.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports only shared/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', ...nodeBuiltins], message: 'The renderer is a web page: use window.masthead through renderer/api.ts.' },
            { group: ['**/electron/**'], message: 'renderer/ never imports electron/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron'], message: 'Services and the CLI are plain Node, testable without Electron.' },
            { group: ['**/renderer/**'], message: 'electron/ never imports renderer/.' },
          ],
        },
      ],
    },
  },
);
