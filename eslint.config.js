// Lint: typescript-eslint with the type-aware rules that matter where promises meet processes
// (apply and teardown must await every command), and the layers, which imports must respect:
//   net, i18n < lab < plan < run < check < inspect < trace < graph, compare < session < cli
// A module may import its own layer and the ones below it, never one above.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const LAYERS = [
  ['net', 'i18n'],
  ['lab'],
  ['plan'],
  ['run'],
  ['check'],
  ['inspect'],
  ['trace'],
  ['graph', 'compare'],
  ['session'],
  ['cli'],
];

/** For each layer: a rule that refuses relative imports of every layer above it. */
const layerRules = LAYERS.slice(0, -1).map((layer, i) => {
  const above = LAYERS.slice(i + 1).flat();
  return {
    files: layer.map((dir) => `src/${dir}/**/*.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(${above.join('|')})/`,
              message: `layers: ${layer.join('/')} may not import ${above.join(', ')} (net < lab < plan < run < check < inspect < trace < graph/compare < session < cli)`,
            },
          ],
        },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.tap/**', 'src/serve/**', 'src/cli/nslab.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
  // tap's t.test() returns a promise that tap itself tracks: not awaiting it is the convention.
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-floating-promises': 'off' } },
  ...layerRules,
);
