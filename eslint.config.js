// Lint rules for every part. Type-aware linting would double the cost of `npm test` on 2 cores,
// so we lint syntactically here and let `tsc --noEmit` carry the type checks.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.build/**',
      'data/**',
      'bench-results/**',
      'test-output/**',
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
    // The part borders of DESIGN.md: firmware-bridge, cloud-sync and avatar import no other part.
    files: ['firmware-bridge/**/*.ts', 'cloud-sync/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@branch/*'] }] },
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
    rules: { 'no-restricted-imports': ['error', { patterns: ['@branch/*', 'node:*'] }] },
  },
  {
    files: ['avatar/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@branch/*', 'node:*'] }] },
  },
  {
    // kiosk-ui may use device-agent's wire protocol and cloud-sync's schemas as types only.
    files: ['kiosk-ui/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'kiosk-ui runs in the browser' },
            { group: ['@branch/firmware-bridge'], message: 'kiosk-ui may not import firmware-bridge' },
            {
              group: ['@branch/device-agent', '@branch/cloud-sync'],
              message: 'types only: use `import type`',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
);
