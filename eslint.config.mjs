// Lint exists mainly to enforce the house's boundaries (ARCHITECTURE.md): one adapter per
// outside thing, a pure domain, and a UI that never touches devices, network or disk.
import tseslint from 'typescript-eslint';

const adapters = {
  pcsclite: 'only src/device/pcsc may import pcsclite',
  undici: 'only src/core/cloud may import undici',
  'better-sqlite3': 'only src/core/cache may import better-sqlite3',
};

function forbid(names, extraPatterns = []) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: names.map((name) => ({ name, message: adapters[name] ?? `not allowed here: ${name}` })),
        patterns: extraPatterns,
      },
    ],
  };
}

const nodeIo = ['node:fs', 'node:fs/promises', 'node:net', 'node:http', 'node:https', 'node:child_process', 'fs', 'net', 'http', 'child_process'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**'] },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx', 'test/**/*.ts', 'test/**/*.tsx', 'scripts/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {},
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/device/pcsc/**', 'src/core/cloud/**', 'src/core/cache/**'],
    rules: forbid(['pcsclite', 'undici', 'better-sqlite3']),
  },
  { files: ['src/device/pcsc/**'], rules: forbid(['undici', 'better-sqlite3']) },
  { files: ['src/core/cloud/**'], rules: forbid(['pcsclite', 'better-sqlite3']) },
  { files: ['src/core/cache/**'], rules: forbid(['pcsclite', 'undici']) },
  {
    // The domain is pure: no I/O, no clock sources, nothing from the rest of src/.
    files: ['src/core/domain/**'],
    rules: {
      ...forbid(['pcsclite', 'undici', 'better-sqlite3', 'ink', 'react', ...nodeIo], [
        { group: ['../../*', '!../../i18n', '../cloud/*', '../cache/*', '../session/*', '../lookup/*', '../medicloud/*'], message: 'core/domain imports nothing else from src/ (except src/i18n)' },
      ]),
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'core/domain takes today as a parameter; no clock' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'core/domain takes today as a parameter; no clock' },
      ],
    },
  },
  {
    // The core never renders; the UI never talks to devices, network or database.
    files: ['src/core/**'],
    ignores: ['src/core/domain/**', 'src/core/cloud/**', 'src/core/cache/**'],
    rules: forbid(['pcsclite', 'undici', 'better-sqlite3', 'ink', 'react']),
  },
  {
    files: ['src/ui/**'],
    rules: forbid(['pcsclite', 'undici', 'better-sqlite3'], [
      { group: ['**/device/pcsc/*', '**/core/cache/*', '**/core/cloud/*'], message: 'the UI renders state and dispatches events; effects live outside src/ui' },
    ]),
  },
);
