import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { DatabaseAvailability } from './database-availability.js';
import { buildDataSourceOptions, openDataSource } from './data-source.js';

/** Global, so that any feature's scheduler or writer can ask whether the database answers. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      // Each feature module registers its entities with TypeOrmModule.forFeature.
      useFactory: (config: AppConfig) => ({ ...buildDataSourceOptions(config.database, []), autoLoadEntities: true }),
      dataSourceFactory: async (options) => openDataSource(options!),
    }),
  ],
  providers: [DatabaseAvailability],
  exports: [DatabaseAvailability],
})
export class DatabaseModule {}
