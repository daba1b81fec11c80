import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { DomainError } from './domain-error.js';
import { toErrorBody } from './http-error.filter.js';

describe('toErrorBody', () => {
  it('maps domain error codes to HTTP statuses', () => {
    expect(toErrorBody(new DomainError('not_found', 'Model 9 not found'))).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Model 9 not found',
    });
    expect(toErrorBody(new DomainError('conflict', 'busy')).statusCode).toBe(409);
    expect(toErrorBody(new DomainError('unprocessable', 'x')).statusCode).toBe(422);
    expect(toErrorBody(new DomainError('too_many_requests', 'x')).statusCode).toBe(429);
  });

  it('keeps details of a domain error beside the message', () => {
    expect(toErrorBody(new DomainError('too_many_requests', 'queue full', { queue_max: 5 }))).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'queue full',
      queue_max: 5,
    });
  });

  it('joins validation messages into one string', () => {
    const body = toErrorBody(new BadRequestException({ message: ['days must be an integer', 'limit too big'] }));
    expect(body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'days must be an integer; limit too big' });
    expect(toErrorBody(new NotFoundException('Cannot GET /x')).message).toBe('Cannot GET /x');
  });

  it('hides everything about an unexpected error', () => {
    const error = new Error('SQLITE_ERROR: no such table: models at /work/main/src/x.ts:1');
    expect(toErrorBody(error)).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal server error',
    });
    expect(toErrorBody(new HttpException('db password wrong', 502)).message).toBe('Internal server error');
  });

  it('says 503 when the database does not answer, without the driver’s words', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' });
    expect(toErrorBody(refused)).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'The database does not answer; try again shortly',
    });
  });
});
