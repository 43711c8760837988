// Flat config: the Office add-in rules (eslint-plugin-office-addins, with Prettier inside ESLint)
// plus typescript-eslint's recommended rules for every TypeScript file, TSX included.
import officeAddins from 'eslint-plugin-office-addins';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const react = officeAddins.configs.react.map((c) =>
  c.files ? { ...c, files: ['**/*.{js,mjs,cjs,ts,tsx,cts,mts}'] } : c,
);

export default [
  { ignores: ['node_modules/', 'dist/', 'coverage/', '.emulator-data/', '.sandbox-data/', 'test-results/'] },
  ...react,
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: ['**/*.{ts,tsx,mts,cts}'] })),
  {
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node, Office: 'readonly' },
    },
    rules: {
      'react/react-in-jsx-scope': 'off',
      'react/prop-types': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
