// Every entity class under src/, found the way the migration data source's glob finds them. The test
// imports them itself and hands the classes over: TypeORM would otherwise import the files from its
// CommonJS code, and Jest's VM-modules runtime fails such imports now and then ("reading 'identifier'").
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

export async function entityClasses(): Promise<(new () => object)[]> {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.entity.ts'))
    .sort();
  const classes: (new () => object)[] = [];
  for (const file of files) {
    const exports = (await import(pathToFileURL(join(SRC, file)).href)) as Record<string, unknown>;
    for (const value of Object.values(exports)) {
      if (typeof value === 'function') classes.push(value as new () => object);
    }
  }
  return classes;
}
