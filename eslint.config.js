// Lint rules for every part. Type-aware linting would double the cost of `npm test` on 2 cores,
// so we lint syntactically here and let `tsc --noEmit` carry the type checks.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import borders from './eslint-rules/part-borders.js';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.build/**',
      'data/**',
      'bench-results/**',
      'test-output/**',
      'release/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The part borders of the README's parts table ("The five parts"): relative paths that leave
    // a part, imports the border table forbids, deep imports past a part's exports, and kiosk-ui's types-only
    // imports. The rule and its table live in eslint-rules/part-borders.js.
    files: ['{firmware-bridge,cloud-sync,avatar,device-agent,kiosk-ui,scripts}/**/*.ts'],
    plugins: { branch: borders },
    rules: { 'branch/part-borders': 'error' },
  },
  {
    // Pure logic runs in the browser, in Node and in Deno: no Node built-ins there.
    files: [
      'firmware-bridge/src/protocol/**/*.ts',
      'cloud-sync/src/schema/**/*.ts',
      'device-agent/src/protocol/**/*.ts',
      'device-agent/src/kb/**/*.ts',
      'device-agent/src/safety/safety-supervisor.ts',
      'device-agent/src/safety/availability.ts',
      'device-agent/src/card/{track-parser,luhn,mask,keyboard-wedge,hid-report-decoder}.ts',
      'device-agent/src/log/pan-guard.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: ['node:*'] }] },
  },
  {
    files: ['avatar/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['node:*'] }] },
  },
  {
    files: ['kiosk-ui/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'kiosk-ui runs in the browser' }] },
      ],
    },
  },
);
