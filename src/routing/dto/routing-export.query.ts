import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EXPORT_FORMATS, type ExportFormat } from '../routing-export.js';

export class RoutingExportQuery {
  @ApiProperty({ enum: EXPORT_FORMATS, description: 'The gateway to write the configuration for' })
  @IsIn(EXPORT_FORMATS, { message: `format must be one of ${EXPORT_FORMATS.join(', ')}` })
  format!: ExportFormat;
}
