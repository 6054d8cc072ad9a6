// Lint the TypeScript sources, the tests and the configs. Lit's rules catch template mistakes
// (bad bindings, duplicate attributes) that the type checker cannot see.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import globals from 'globals';

export default tseslint.config(
  // watch/bangle/clkinfo.js is plain Bangle.js JavaScript: BangleApps' own ESLint checks it
  // (tests/watch/bangleapps.test.ts). The emulator driver is CommonJS around the emulator's globals.
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'dev-dist/**', 'watch/bangle/clkinfo.js', 'tests/watch/emulator-driver.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  litConfigs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'Render user text through Lit bindings, never innerHTML.',
        },
      ],
    },
  },
  {
    // The watch runs Espruino: keep to the syntax it runs (../shared/notes/espruino-bangle.md).
    // tests/watch/compat.test.ts checks the built file for the same forms.
    files: ['watch/core/**/*.ts', 'watch/protocol/**/*.ts', 'watch/bangle/**/*.ts'],
    ignores: ['watch/protocol/plan-encode.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'AssignmentPattern', message: 'Espruino: no default parameters.' },
        { selector: 'ObjectPattern, ArrayPattern', message: 'Espruino: no destructuring.' },
        { selector: 'SpreadElement, RestElement', message: 'Espruino: no spread or rest.' },
        { selector: ':function[async=true], AwaitExpression', message: 'Espruino: no async/await.' },
        { selector: 'ChainExpression', message: 'Espruino: no optional chaining.' },
        { selector: "BinaryExpression[operator='**'], AssignmentExpression[operator='**=']", message: 'Espruino: no **.' },
        { selector: 'Property[computed=true]', message: 'Espruino: no computed keys.' },
        { selector: "NewExpression[callee.name=/^(Map|Set|WeakMap|WeakSet)$/], CallExpression[callee.name='Symbol']", message: 'Espruino: no Map, Set or Symbol.' },
        { selector: "MemberExpression[object.name='Array'][property.name='from']", message: 'Espruino: no Array.from.' },
        { selector: 'CatchClause[param=null]', message: 'Espruino: catch needs a binding.' },
      ],
    },
  },
);
