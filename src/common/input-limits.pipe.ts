// Runs before the ValidationPipe on every body, query and path parameter: refuses what input-limits.ts
// describes, with a 400 naming the field, before class-transformer or a query ever sees it.
import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { invalidInput } from './domain-error.js';
import { inputLimitProblem } from './input-limits.js';

const PART_NAMES: Partial<Record<ArgumentMetadata['type'], string>> = {
  body: 'The request body',
  query: 'The query string',
  param: 'The path',
};

@Injectable()
export class InputLimitsPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const part = PART_NAMES[metadata.type];
    if (part === undefined) return value;
    // @Body('field') or @Param('id') hand over one field: it is named by itself.
    const problem = inputLimitProblem(value, metadata.data ?? part);
    if (problem !== null) throw invalidInput(problem);
    return value;
  }
}
