// Seeding sits above the features: it writes the rows of models, cartridges, metrics and DCRS runs
// (whose modules register those entities) in one transaction, so no feature and no lower layer knows it.
import { Module } from '@nestjs/common';
import { SeedRepository } from './seed.repository.js';
import { SeedService } from './seed.service.js';

@Module({ providers: [SeedRepository, SeedService] })
export class SeedModule {}
