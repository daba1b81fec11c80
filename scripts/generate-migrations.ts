// Writes a migration for each engine holding whatever the entities need beyond the committed
// migrations: `npm run migration:generate -- <Name>`. Needs a PostgreSQL at TEST_DATABASE_URL
// (or postgres://postgres@127.0.0.1:5432/postgres) to diff against.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDataSourceOptions, openDataSource, type DatabaseSettings } from '../src/database/data-source.js';
import { createScratchPostgres } from './scratch-postgres.js';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  process.stderr.write('usage: npm run migration:generate -- <PascalCaseName>\n');
  process.exit(2);
}
const sourceDir = join(process.cwd(), 'src/database/migrations');
const timestamp = Date.now();

function render(className: string, up: string[], down: string[]): string {
  const lines = (queries: string[]) =>
    queries.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

async function generate(engine: 'sqlite' | 'postgres', settings: DatabaseSettings): Promise<void> {
  const dataSource = await openDataSource(buildDataSourceOptions(settings));
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    const up = sql.upQueries.map((q) => q.query);
    const down = sql.downQueries.map((q) => q.query).reverse();
    if (up.length === 0) {
      process.stdout.write(`${engine}: no changes\n`);
      return;
    }
    const className = `${name}${timestamp}`;
    const file = `${timestamp}-${name}`;
    writeFileSync(join(sourceDir, engine, `${file}.ts`), render(className, up, down));
    const indexPath = join(sourceDir, engine, 'index.ts');
    const index = readFileSync(indexPath, 'utf8');
    const constName = engine === 'sqlite' ? 'SQLITE_MIGRATIONS' : 'POSTGRES_MIGRATIONS';
    const imports = [...index.matchAll(/^import .*$/gm)].map((m) => m[0]);
    const classes = [...index.matchAll(/^\s+(\w+),?$/gm)].map((m) => m[1]);
    imports.push(`import { ${className} } from './${file}.js';`);
    classes.push(className);
    writeFileSync(
      indexPath,
      `${imports.join('\n')}\n\nexport const ${constName}: Function[] = [\n${classes.map((c) => `  ${c},`).join('\n')}\n];\n`,
    );
    process.stdout.write(`${engine}: wrote ${file}.ts (${up.length} statements)\n`);
  } finally {
    await dataSource.destroy();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'shawn-migrate-'));
const scratch = await createScratchPostgres(
  process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
);
try {
  await generate('sqlite', { engine: 'sqlite', path: join(dir, 'gen.sqlite') });
  await generate('postgres', { engine: 'postgres', url: scratch.url, path: '' });
} finally {
  await scratch.drop();
  rmSync(dir, { recursive: true, force: true });
}
