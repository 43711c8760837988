// Flat config: the Office add-in rules (eslint-plugin-office-addins, with Prettier inside ESLint)
// plus typescript-eslint's recommended rules for every TypeScript file, TSX included.
// The office-addins preset registers an older nested copy of the @typescript-eslint plugin
// (incompatible with ESLint 9's newer rules, and flat config forbids two different objects
// under one plugin name), so we point the preset at the project's own typescript-eslint.
import officeAddins from 'eslint-plugin-office-addins';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const ALL_FILES = ['**/*.{js,mjs,cjs,ts,tsx,cts,mts}'];
const officeReact = officeAddins.configs.react.map((c) => ({
  ...c,
  ...(c.files ? { files: ALL_FILES } : {}),
  ...(c.plugins?.['@typescript-eslint']
    ? { plugins: { ...c.plugins, '@typescript-eslint': tseslint.plugin } }
    : {}),
}));

export default [
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-*/',
      'coverage/',
      '.emulator-data/',
      '.sandbox-data/',
      'test-results/',
    ],
  },
  ...officeReact,
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: ['**/*.{ts,tsx,mts,cts}'] })),
  {
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node, Office: 'readonly' },
    },
    rules: {
      'react/react-in-jsx-scope': 'off',
      'react/prop-types': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The pane's state sits below what renders it: components read state, never the reverse.
    files: ['src/taskpane/state/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/view/*', '**/components/*'],
              message:
                'state/ must not depend on view/ or components/ (words for mail belong with the plan).',
            },
          ],
        },
      ],
    },
  },
];
