// ESLint for the backend, the scripts, the tests and the web app alike (issue 18 §4).
// typescript-eslint's recommended rules without type information (fast enough for every run of
// `npm test`); formatting is Prettier's (.prettierrc.json), so the rules that would fight it are
// turned off by eslint-config-prettier. `npm run lint` runs it; `npm test` runs `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'coverage/**',
      'bench/profiles/**',
      'docs/**',
      'apps/web/src/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // Unused names are mistakes, except a leading underscore (a parameter a signature needs).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Saeil refuses control characters and lone surrogates in text on purpose (PostgreSQL text
      // cannot hold U+0000); the rule is for regular expressions that match them by accident.
      'no-control-regex': 'off',
      // class-validator and class-transformer key their metadata by a class as a bare Function.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // Each remaining \`any\` (mostly SQL rows read untyped) is a warning to work off, not yet an error.
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    // Production code reads typed values; tests and the browser tier read answers loosely.
    files: [
      '**/*.spec.ts',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      '**/*.test.ts',
      '**/*.test.tsx',
      'tests/**',
      'bench/**',
    ],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        URL: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
