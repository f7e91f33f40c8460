/**
 * Layer rules, checked by `npm run lint:deps` (part of `npm test`). The libs fall in two houses:
 * platform libs (how things run: storage, transport, identity, the runtime) and context libs
 * (what a center does: a woman's case, statistics, reports). `libs/app` and `apps/` compose both.
 * See docs/ARCHITECTURE.md ("Layout").
 */
const PLATFORM = [
  'core',
  'config',
  'database',
  'event-store',
  'messaging',
  'projections',
  'observability',
  'contracts',
  'runtime',
  'privacy',
  'identity',
  'access-log',
];
const CONTEXTS = [
  'intake',
  'counseling',
  'training',
  'internship',
  'placement',
  'employers',
  'programs',
  'retention',
  'kpi',
  'reports',
  'statistics',
  'case-views',
];
/** Specs may use test helpers and build what they check; the rules are about the code they test. */
const SPEC = '\\.(spec|int-spec|e2e-spec)\\.ts$';
const any = (names) => `^libs/(${names.join('|')})/`;

module.exports = {
  forbidden: [
    {
      name: 'platform-imports-no-context',
      comment:
        'A platform lib never depends on a context: contexts plug into the platform (module definitions, injected ports), not the reverse.',
      severity: 'error',
      from: { path: any(PLATFORM) },
      to: { path: [any(CONTEXTS), '^libs/app/', '^apps/'] },
    },
    {
      name: 'libs-import-no-app',
      comment: 'Libraries never reach up into the composition root or an entry point.',
      severity: 'error',
      from: { path: '^libs/(?!app/)' },
      to: { path: ['^libs/app/', '^apps/'] },
    },
    {
      name: 'domain-is-pure',
      comment:
        "Of the project, a domain folder (deciders, rules) imports only itself, @saeil/core (Decider included), the event contracts and the shared case rule: nothing that stores anything. (Pure npm packages are fine; infrastructure is the next rules' business.)",
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/domain/', pathNot: SPEC },
      to: {
        path: '^(libs|apps|scripts|tests)/',
        pathNot: ['^libs/$1/src/domain/', '^libs/core/', '^libs/contracts/', '^libs/intake/src/domain/'],
      },
    },
    {
      name: 'domain-imports-no-infrastructure',
      comment: 'No framework, ORM or driver in a domain folder.',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/', pathNot: SPEC },
      to: { path: 'node_modules/(@nestjs|typeorm|kafkajs|pg|pg-[^/]+)/' },
    },
    {
      name: 'only-tests-import-tests',
      comment:
        'tests/ is for tests (and the bench, which is not built): production code and operational scripts never import it, so the build never needs jest.',
      severity: 'error',
      from: { path: '^(libs|apps|scripts)/', pathNot: SPEC },
      to: { path: '^tests/' },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|apps/web)/' },
    moduleSystems: ['cjs', 'es6'],
  },
};
