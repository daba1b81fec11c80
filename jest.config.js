// Three sizes of test: fast unit specs beside the code; service specs (feature modules with their real
// repositories on a real database, no HTTP); e2e over HTTP and sockets. Service and e2e specs run on
// SQLite, and again on PostgreSQL when TEST_DATABASE_URL is set (CI always sets it). The instances
// project runs two or more compiled app processes together when TEST_REDIS_URL is set too.
// ESM through ts-jest under --experimental-vm-modules.
const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
};

const ENGINES = [{ engine: 'sqlite', setupFiles: ['<rootDir>/test/setup/engine-sqlite.ts'] }];
if (process.env.TEST_DATABASE_URL) {
  ENGINES.push({ engine: 'postgres', setupFiles: ['<rootDir>/test/setup/engine-postgres.ts'] });
}

/**
 * Specs named *-postgres.e2e-spec.ts exercise PostgreSQL itself (its server stopped and started under
 * the app): they run in the e2e-postgres project only.
 */
const POSTGRES_ONLY = '-postgres\\.e2e-spec\\.ts$';

const projects = [
  { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
  ...ENGINES.map(({ engine, setupFiles }) => ({
    ...common,
    displayName: `service-${engine}`,
    testMatch: ['<rootDir>/test/service/**/*.service-spec.ts'],
    setupFiles,
  })),
  ...ENGINES.map(({ engine, setupFiles }) => ({
    ...common,
    displayName: `e2e-${engine}`,
    testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
    testPathIgnorePatterns: engine === 'postgres' ? ['/node_modules/'] : ['/node_modules/', POSTGRES_ONLY],
    setupFiles,
  })),
];
// `npm test` runs each engine's e2e files in a Jest process of its own (one process for both outgrew
// the heap). The PostgreSQL project always exists, so that without TEST_DATABASE_URL its script finds
// no test (and passes) rather than no project.
if (!process.env.TEST_DATABASE_URL) {
  projects.push({
    ...common,
    displayName: 'e2e-postgres',
    testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
    testPathIgnorePatterns: ['.*'],
  });
}

// Several real application processes (the compiled app) on one scratch PostgreSQL database and the
// local Redis: only when both are at hand, which CI guarantees. The project always exists, so that
// `npm run test:instances` finds no test (and passes) rather than no project without them.
const instancesAtHand = Boolean(process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL);
projects.push({
  ...common,
  displayName: 'instances',
  testMatch: ['<rootDir>/test/instances/**/*.instances-spec.ts'],
  // An empty testMatch would mean jest's default (every test file): ignore everything instead.
  testPathIgnorePatterns: instancesAtHand ? ['/node_modules/'] : ['.*'],
});

// The dashboard in headless Chromium (playwright-core, the system's /usr/bin/chromium) against the real
// app on SQLite; `npm run test:browser` builds dashboard/dist first.
projects.push({
  ...common,
  displayName: 'browser',
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
  setupFiles: ['<rootDir>/test/setup/engine-sqlite.ts'],
});

export default { projects, testTimeout: 30000 };
