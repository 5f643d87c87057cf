// `npm run lint`: typescript-eslint's recommended rules, and eslint-plugin-regexp
// so that no regular expression that can backtrack super-linearly on user
// input comes back (a 148-byte upload once froze the server for minutes).
import js from '@eslint/js';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'reports/', '.stryker-tmp*/', 'coverage/'] },
  // Tests keep "any" disables for the day the rule is on there; not worth a warning each.
  { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  { files: ['**/*.ts'], extends: [js.configs.recommended, ...tseslint.configs.recommended] },
  regexp.configs['flat/recommended'],
  {
    rules: {
      // Everything under src/ meets what users type: no pattern may take
      // more than linear time on it.
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      // The text rules strip control characters on purpose (src/answers/text.ts).
      'no-control-regex': 'off',
      // Japanese text is written with the ideographic space (U+3000) on purpose.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true, skipRegExps: true }],
      // Spelling only, no behaviour: '\u000B' reads as the code point the
      // comments name, [A-Za-z0-9_] as the characters an id may hold, and a
      // group may capture for the reader's sake.
      'regexp/control-character-escape': 'off',
      'regexp/prefer-w': 'off',
      'regexp/use-ignore-case': 'off',
      'regexp/no-unused-capturing-group': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }] },
  },
  {
    // Tests and benchmarks read the app's own output, never a stranger's
    // input; they damage answers the way a careless client would, so they
    // type them loosely.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      'regexp/no-super-linear-move': 'off',
      'prefer-regex-literals': 'off',
    },
  },
  {
    // The browser script: plain JavaScript with the page's globals.
    files: ['views/assets/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { window: 'readonly', document: 'readonly', navigator: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', HTMLElement: 'readonly', Event: 'readonly', Intl: 'readonly' },
    },
    rules: { ...js.configs.recommended.rules, 'no-unused-vars': ['error', { caughtErrors: 'none' }] },
  },
  { files: ['*.js'], languageOptions: { sourceType: 'module' } },
);
