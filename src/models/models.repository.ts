import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ModelEntity } from './model.entity.js';

@Injectable()
export class ModelsRepository {
  constructor(@InjectRepository(ModelEntity) private readonly models: Repository<ModelEntity>) {}

  findAllOrdered(): Promise<ModelEntity[]> {
    return this.models.find({ order: { id: 'ASC' } });
  }

  findById(id: number): Promise<ModelEntity | null> {
    return this.models.findOneBy({ id });
  }
}
