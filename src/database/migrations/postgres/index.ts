import { Initial1795707955486 } from './1795707955486-Initial.js';

export const POSTGRES_MIGRATIONS: Function[] = [
  Initial1795707955486,
];
