if (!process.env['TEST_DATABASE_URL']) throw new Error('TEST_DATABASE_URL must be set for the PostgreSQL e2e project');
process.env['TEST_DB_ENGINE'] = 'postgres';
