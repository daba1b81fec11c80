import { QueryFailedError } from 'typeorm';
import { isDatabaseUnreachable, isUniqueViolation } from './errors.js';

function driverError(message: string, code?: string): Error {
  return Object.assign(new Error(message), code === undefined ? {} : { code });
}

function queryFailed(message: string, code?: string): QueryFailedError {
  return new QueryFailedError('INSERT INTO daily_metrics ...', [], driverError(message, code));
}

describe('isDatabaseUnreachable', () => {
  it('is true for what a stopped PostgreSQL gives: ECONNREFUSED on connect, 57P01 on a pooled connection', () => {
    expect(isDatabaseUnreachable(driverError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(isDatabaseUnreachable(queryFailed('terminating connection due to administrator command', '57P01'))).toBe(
      true,
    );
  });

  it('is true while the server starts or recovers, for connection exceptions, and when a pooled connection dies', () => {
    expect(isDatabaseUnreachable(queryFailed('the database system is starting up', '57P03'))).toBe(true);
    expect(isDatabaseUnreachable(queryFailed('connection failure', '08006'))).toBe(true);
    expect(isDatabaseUnreachable(driverError('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnreachable(driverError('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnreachable(driverError('read ECONNRESET', 'ECONNRESET'))).toBe(true);
  });

  it('is true for a SQLite lock held past busy_timeout', () => {
    expect(isDatabaseUnreachable(queryFailed('database is locked', 'SQLITE_BUSY'))).toBe(true);
  });

  it('is false when the database answered and refused the query itself', () => {
    expect(isDatabaseUnreachable(queryFailed('duplicate key value violates unique constraint', '23505'))).toBe(false);
    expect(isDatabaseUnreachable(queryFailed('insert or update violates foreign key constraint', '23503'))).toBe(false);
    expect(isDatabaseUnreachable(queryFailed('FOREIGN KEY constraint failed', 'SQLITE_CONSTRAINT_FOREIGNKEY'))).toBe(
      false,
    );
    expect(isDatabaseUnreachable(new Error('something else broke'))).toBe(false);
    expect(isDatabaseUnreachable('not an error')).toBe(false);
    expect(isDatabaseUnreachable(null)).toBe(false);
  });
});

describe('isUniqueViolation', () => {
  it('is true for either engine’s unique violation only', () => {
    expect(isUniqueViolation(queryFailed('duplicate key', '23505'))).toBe(true);
    expect(isUniqueViolation(queryFailed('UNIQUE constraint failed', 'SQLITE_CONSTRAINT_UNIQUE'))).toBe(true);
    expect(isUniqueViolation(queryFailed('terminating connection', '57P01'))).toBe(false);
    expect(isUniqueViolation(driverError('duplicate key', '23505'))).toBe(false);
  });
});
