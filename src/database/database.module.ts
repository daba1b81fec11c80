import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { buildDataSourceOptions, openDataSource } from './data-source.js';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      // Each feature module registers its entities with TypeOrmModule.forFeature.
      useFactory: (config: AppConfig) => ({ ...buildDataSourceOptions(config.database, []), autoLoadEntities: true }),
      dataSourceFactory: async (options) => openDataSource(options!),
    }),
  ],
})
export class DatabaseModule {}
