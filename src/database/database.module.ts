import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.tokens.js';
import { buildDataSourceOptions, openDataSource } from './data-source.js';
import { SeedRepository } from './seed/seed.repository.js';
import { SeedService } from './seed/seed.service.js';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => buildDataSourceOptions(config.database),
      dataSourceFactory: async (options) => openDataSource(options!),
    }),
  ],
  providers: [SeedRepository, SeedService],
})
export class DatabaseModule {}
