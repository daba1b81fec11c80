// npm run seed:history -- --days 90 --models 1000 --interval 60
// Fills the configured database (DATABASE_URL, or the SQLite file of DATABASE_PATH) with realistic
// probe history of new models named history-0001… (disabled: history only), and their rollups.
import { parseArgs } from 'node:util';
import { loadAppConfig } from '../src/config/environment.js';
import { buildDataSourceOptions, openDataSource } from '../src/database/data-source.js';
import { seedHistory } from './history-seeder.js';

const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '90' },
    models: { type: 'string', default: '100' },
    interval: { type: 'string', default: '60' },
    prefix: { type: 'string', default: 'history-' },
    'rebuild-indexes': { type: 'boolean', default: false },
  },
});
const days = Number(values.days);
const models = Number(values.models);
const interval = Number(values.interval);
if (![days, models, interval].every((n) => Number.isInteger(n) && n > 0)) {
  process.stderr.write('usage: npm run seed:history -- --days 90 --models 1000 --interval 60 (positive integers)\n');
  process.exit(2);
}

function bar(written: number, total: number, started: number): void {
  const share = total === 0 ? 1 : written / total;
  const width = 30;
  const filled = Math.round(share * width);
  const rate = written / Math.max(0.001, (Date.now() - started) / 1000);
  process.stderr.write(
    `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(share * 100).toFixed(1)}% ` +
      `${written.toLocaleString('en')} / ${total.toLocaleString('en')} rows, ${Math.round(rate).toLocaleString('en')} rows/s `,
  );
}

const config = loadAppConfig();
const dataSource = await openDataSource(buildDataSourceOptions(config.database));
try {
  const started = Date.now();
  let last = 0;
  const result = await seedHistory(dataSource, {
    days,
    models,
    intervalSeconds: interval,
    prefix: values.prefix,
    rebuildIndexes: values['rebuild-indexes'],
    progress: (written, total) => {
      if (Date.now() - last > 200 || written === total) {
        last = Date.now();
        bar(written, total, started);
      }
    },
  });
  process.stderr.write(
    `\nWrote ${result.rows.toLocaleString('en')} rows for ${result.modelIds.length} models, with their rollups, in ${result.seconds.toFixed(1)} s\n`,
  );
} finally {
  await dataSource.destroy();
}
