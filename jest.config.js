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
    setupFiles,
  })),
];

// Several real application processes (the compiled app) on one scratch PostgreSQL database and the
// local Redis: only when both are at hand, which CI guarantees.
if (process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL) {
  projects.push({
    ...common,
    displayName: 'instances',
    testMatch: ['<rootDir>/test/instances/**/*.instances-spec.ts'],
  });
}

export default { projects, testTimeout: 30000 };
