import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DcrsRunEntity } from './dcrs-run.entity.js';
import { DcrsController } from './dcrs.controller.js';
import { DcrsRepository } from './dcrs.repository.js';
import { DcrsService } from './dcrs.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([DcrsRunEntity])],
  controllers: [DcrsController],
  providers: [DcrsRepository, DcrsService],
  exports: [DcrsRepository],
})
export class DcrsModule {}
