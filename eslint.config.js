// @ts-check
// Lint rules, including the layer boundaries of DESIGN.md:
// domain ← protocol ← storage ← sync ← state ← ui; domain, protocol ← server.
// A wrong-way import is an error, so it fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** @param {string} message @param {string[]} regexes */
const forbid = (message, regexes) => ({
  'no-restricted-imports': ['error', { patterns: regexes.map((regex) => ({ regex, message })) }],
});

const NODE = '^node:|^(fs|path|os|crypto|http|https|child_process|url|stream|zlib)$';
const BROWSER_LIBS = '^(dexie|preact|preact/.*|@preact/.*|workbox-.*)$';
const SERVER_LIBS = '^(hono|hono/.*|@hono/.*|pg|@electric-sql/.*)$';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'dev-dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      ...forbid('src/domain is pure: no protocol, client, server, DOM or Node imports.', [
        '(^|/)(protocol|client|server|sw)(/|$)', NODE, BROWSER_LIBS, SERVER_LIBS,
      ]),
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Domain code takes "today" as a parameter; do not read the clock.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Domain code takes "now" as a parameter; do not read the clock.' },
      ],
    },
  },
  {
    files: ['src/protocol/**/*.ts'],
    rules: forbid('src/protocol may import only src/domain.', ['(^|/)(client|server|sw)(/|$)', NODE, BROWSER_LIBS, SERVER_LIBS]),
  },
  {
    files: ['src/client/storage/**/*.{ts,tsx}'],
    rules: forbid('storage sits under sync, state and ui.', ['(^|/)(sync|state|ui|server|sw)(/|$)', NODE, SERVER_LIBS]),
  },
  {
    files: ['src/client/sync/**/*.{ts,tsx}'],
    rules: forbid('sync sits under state and ui.', ['(^|/)(state|ui|server|sw)(/|$)', NODE, SERVER_LIBS]),
  },
  {
    files: ['src/client/state/**/*.{ts,tsx}'],
    rules: forbid('state sits under ui.', ['(^|/)(ui|server|sw)(/|$)', NODE, SERVER_LIBS]),
  },
  {
    files: ['src/client/ui/**/*.{ts,tsx}', 'src/client/i18n/**/*.{ts,tsx}'],
    rules: forbid('UI reads through state hooks and calls actions; it never imports storage, sync or Dexie.', [
      '(^|/)(storage|sync|server|sw)(/|$)', '^dexie$', NODE, SERVER_LIBS,
    ]),
  },
  {
    files: ['src/sw/**/*.ts'],
    rules: forbid('The service worker stays small: no client, server or Node code.', ['(^|/)(client|server)(/|$)', NODE, SERVER_LIBS]),
  },
  {
    files: ['src/server/**/*.ts'],
    rules: forbid('The server imports only domain and protocol from src.', ['(^|/)(client|sw)(/|$)', BROWSER_LIBS]),
  },
);
