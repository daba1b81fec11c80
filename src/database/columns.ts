// Column helpers shared by the entities, so both engines get the same logical types:
// timestamps are JS Dates (timestamptz on PostgreSQL, ISO text on SQLite), scores are doubles.
import { Column, type ColumnOptions } from 'typeorm';

export function TimestampColumn(options: Omit<ColumnOptions, 'type'> = {}): PropertyDecorator {
  return Column({ ...options, type: Date });
}

export function DoubleColumn(options: Omit<ColumnOptions, 'type'> = {}): PropertyDecorator {
  return Column({ ...options, type: 'double precision' });
}
