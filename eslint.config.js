// Flat config. The layer rules below are the architecture's import direction
// (../shared/DESIGN.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const LAYERS = ['app', 'ui', 'scenarios', 'worker', 'sim', 'rds', 'engine', 'lib'];

/** Import patterns that reach a layer's folder from anywhere under src/. */
const reach = (layer) => [`**/${layer}`, `**/${layer}/**`, `@/${layer}`, `@/${layer}/**`];

/**
 * A layer may import the layers listed in `allowed`; `typeOnly` layers may be imported with
 * `import type` only (the UI thread sees engine/sim/rds types, never their objects).
 */
function layerRule(layer, allowed, typeOnly = []) {
  const forbidden = LAYERS.filter(
    (l) => l !== layer && !allowed.includes(l) && !typeOnly.includes(l),
  );
  const patterns = [];
  if (forbidden.length > 0) {
    patterns.push({
      group: forbidden.flatMap(reach),
      message: `src/${layer} must not import ${forbidden.join('/')} (layers point downward, see DESIGN.md).`,
    });
  }
  if (typeOnly.length > 0) {
    patterns.push({
      group: typeOnly.flatMap(reach),
      allowTypeImports: true,
      message: `src/${layer} runs on the UI thread: use \`import type\` from ${typeOnly.join('/')} and reach them through src/worker.`,
    });
  }
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
  };
}

const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'requestAnimationFrame',
  'HTMLElement',
  'Element',
  'location',
];
const TIMER_GLOBALS = ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'performance'];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'coverage', '.cache'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'src/app/**/*.ts', 'src/scenarios/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  // app → scenarios → ui → worker → sim → rds, engine → lib. A scenario folder holds its view,
  // which composes ui components, so scenarios sit above ui (DESIGN.md: "its view"). lib holds
  // the pure building blocks several layers share (seeded generator, histogram) and imports
  // nothing.
  layerRule('lib', []),
  layerRule('engine', ['lib']),
  layerRule('rds', ['lib']),
  layerRule('sim', ['engine', 'rds', 'lib']),
  layerRule('worker', ['sim', 'engine', 'rds', 'lib']),
  layerRule('ui', ['worker', 'lib'], ['sim', 'engine', 'rds']),
  layerRule('scenarios', ['ui', 'worker', 'lib'], ['sim', 'engine', 'rds']),
  layerRule('app', ['scenarios', 'ui', 'worker', 'lib'], ['sim', 'engine', 'rds']),
  {
    // Deterministic, DOM-free layers: no DOM, no wall clock, no unseeded randomness.
    files: ['src/lib/**/*.ts', 'src/engine/**/*.ts', 'src/sim/**/*.ts', 'src/rds/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-globals': ['error', ...DOM_GLOBALS, ...TIMER_GLOBALS],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Use the injected clock.' },
        { object: 'Math', property: 'random', message: 'Use the seeded RNG stream.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Use the injected clock.',
        },
      ],
    },
  },
);
