import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { MaintenanceWindowEntity } from './maintenance-window.entity.js';

export type NewMaintenanceWindow = Omit<MaintenanceWindowEntity, 'id'>;

@Injectable()
export class MaintenanceRepository {
  constructor(
    @InjectRepository(MaintenanceWindowEntity) private readonly windows: Repository<MaintenanceWindowEntity>,
  ) {}

  findAll(): Promise<MaintenanceWindowEntity[]> {
    return this.windows.find({ order: { id: 'ASC' } });
  }

  /** The windows of one model and those of every model. */
  findForModel(modelId: number): Promise<MaintenanceWindowEntity[]> {
    return this.windows
      .createQueryBuilder('w')
      .where('w.modelId = :modelId OR w.modelId IS NULL', { modelId })
      .orderBy('w.id', 'ASC')
      .getMany();
  }

  insert(window: NewMaintenanceWindow): Promise<MaintenanceWindowEntity> {
    return this.windows.save(this.windows.create(window));
  }

  async delete(id: number): Promise<boolean> {
    const result = await this.windows.delete({ id });
    return (result.affected ?? 0) > 0;
  }
}
