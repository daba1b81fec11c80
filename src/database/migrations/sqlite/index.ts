import { Initial1795707955486 } from './1795707955486-Initial.js';

export const SQLITE_MIGRATIONS: Function[] = [
  Initial1795707955486,
];
