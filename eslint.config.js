// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

/**
 * Imports point down only (src/README.md): each folder of src/ may not import
 * the folders listed for it, which sit above it on a request's path.
 * `generated` (types from the SDL contract) is open to resolvers and mutations.
 */
const ABOVE = {
  resolvers: ['server', 'cli'],
  mutations: ['server', 'cli', 'resolvers', 'loaders', 'seed'],
  loaders: ['server', 'cli', 'resolvers', 'mutations', 'seed'],
  seed: ['server', 'cli', 'resolvers', 'mutations', 'loaders'],
  auth: ['server', 'cli', 'resolvers', 'mutations', 'loaders', 'seed', 'graph'],
  graph: [
    'server',
    'cli',
    'config',
    'resolvers',
    'mutations',
    'loaders',
    'seed',
    'auth',
    'generated',
  ],
  // The extraction pipeline: pure, below the API and the graph (src/ingest never touches the graph).
  ingest: [
    'server',
    'cli',
    'config',
    'resolvers',
    'mutations',
    'loaders',
    'seed',
    'auth',
    'graph',
    'generated',
    'analytics',
  ],
  model: [
    'server',
    'cli',
    'config',
    'resolvers',
    'mutations',
    'loaders',
    'seed',
    'auth',
    'graph',
    'generated',
  ],
  errors: [
    'server',
    'cli',
    'config',
    'resolvers',
    'mutations',
    'loaders',
    'seed',
    'auth',
    'graph',
    'model',
    'generated',
  ],
};
const layerRules = Object.entries(ABOVE).map(([folder, above]) => ({
  files: [`src/${folder}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: above.flatMap((f) => [`**/${f}`, `**/${f}/**`]),
            message: `src/${folder} must not import from ${above.join(', ')}: imports point down only (see src/README.md).`,
          },
        ],
      },
    ],
  },
}));

module.exports = tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'data/',
      'scratch/',
      'src/generated/',
      'web/dist/',
      'web/playground/dist/',
      'web/src/generated/',
      'bench/results/',
      'test/artifacts/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  ...layerRules,
  {
    // Tests read untyped JSON responses; `any` there is deliberate.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
