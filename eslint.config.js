// Lint rules that hold the layers apart (see the design: what may import what).
// Type-only imports are restricted too: the domain must not even name a DOM or UI type.
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const ui = ['svelte', 'svelte/*'];
const machines = ['xstate', 'xstate/*'];
const d3All = ['d3', 'd3-*'];
const d3Dom = ['d3-selection', 'd3-zoom', 'd3-drag', 'd3-transition', 'd3'];
const storage = ['idb', 'idb/*'];

const peer = { group: ['@cloud-copilot/iam-simulate', '@cloud-copilot/iam-simulate/*'], message: 'The peer simulator is AGPL: tests and scripts only.' };

function restrict(patterns, message) {
  return {
    'no-restricted-imports': ['error', { patterns: [{ group: patterns, message, allowTypeImports: false }, peer] }],
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'dev-dist/**', 'src/lib/domain/catalog/data/**'] },
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
      'svelte/no-at-html-tags': 'error',
      // Plain Sets/Dates inside rune classes are deliberate (listeners, arithmetic), not hidden state.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  { files: ['src/**'], rules: { 'no-restricted-imports': ['error', { patterns: [peer] }] } },
  {
    files: ['src/lib/domain/**'],
    rules: {
      ...restrict(
        [...ui, ...machines, ...d3All, ...storage, '**/graph/**', '**/ui/**', '**/persistence/**', '**/machines/**', '**/scenarios/**', '**/app/**'],
        'lib/domain is the pure core: it imports nothing outside itself.',
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator'],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass a clock into the core.' },
        { object: 'Math', property: 'random', message: 'Pass an id source into the core.' },
      ],
    },
  },
  {
    files: ['src/lib/graph/**'],
    rules: restrict([...ui, ...machines, ...d3Dom, ...storage, '**/ui/*', '**/persistence/*'], 'lib/graph is layout math over the domain.'),
  },
  {
    files: ['src/lib/scenarios/**'],
    rules: restrict([...ui, ...machines, ...d3All, ...storage, '**/ui/*', '**/persistence/*', '**/graph/*', '**/machines/*'], 'lib/scenarios imports the domain only.'),
  },
  {
    files: ['src/lib/machines/**'],
    rules: restrict([...ui, ...d3All, ...storage, '**/ui/*', '**/persistence/*'], 'lib/machines imports domain, scenarios and xstate only.'),
  },
  {
    files: ['src/lib/persistence/**'],
    rules: restrict([...ui, ...machines, '**/ui/*'], 'lib/persistence imports domain and idb only.'),
  },
  {
    files: ['src/lib/ui/**'],
    rules: restrict([...storage], 'lib/ui never touches idb; use persistence interfaces.'),
  },
  {
    files: ['src/**'],
    ignores: ['src/main.ts', 'src/app/**'],
    rules: { 'no-restricted-syntax': ['error', { selector: "ImportDeclaration[source.value=/\\/app\\//]", message: 'Only main.ts imports app/.' }] },
  },
);
