import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ModelSloEntity } from './model-slo.entity.js';

@Injectable()
export class SloRepository {
  constructor(@InjectRepository(ModelSloEntity) private readonly slos: Repository<ModelSloEntity>) {}

  findAll(): Promise<ModelSloEntity[]> {
    return this.slos.find({ order: { modelId: 'ASC' } });
  }

  findByModel(modelId: number): Promise<ModelSloEntity | null> {
    return this.slos.findOneBy({ modelId });
  }

  save(slo: ModelSloEntity): Promise<ModelSloEntity> {
    return this.slos.save(slo);
  }
}
