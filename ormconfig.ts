// The DataSource for the TypeORM CLI (e.g. `npx typeorm migration:run -d dist/ormconfig.js`).
// It reads the same validated settings as the application.
import { loadAppConfig } from './src/config/environment.js';
import { buildDataSourceOptions, createDataSource } from './src/database/data-source.js';

export default createDataSource(buildDataSourceOptions(loadAppConfig().database));
