import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const tauriCoreMessage =
  'Call the backend through src/api (useApi / the typed functions) so it can be faked in tests.';

export default defineConfig([
  // bindings.ts is generated from the Rust types; its style is ts-rs's.
  globalIgnores(['dist', 'coverage', 'node_modules', 'src/api/bindings.ts']),
  {
    files: ['**/*.{ts,tsx}'],
    extends: [
      js.configs.recommended,
      tseslint.configs.strictTypeChecked,
      tseslint.configs.stylisticTypeChecked,
      reactHooks.configs.flat['recommended-latest'],
    ],
    languageOptions: {
      globals: globals.browser,
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@tauri-apps/api/core', message: tauriCoreMessage },
            { name: '@tauri-apps/api', message: tauriCoreMessage },
          ],
        },
      ],
    },
  },
  {
    // Generated from the Rust types (storageTypes.ts stands in until it is); the generator's style.
    files: ['src/api/bindings.ts', 'src/api/storageTypes.ts'],
    rules: { '@typescript-eslint/consistent-type-definitions': 'off' },
  },
  {
    files: ['src/api/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
]);
