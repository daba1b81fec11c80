// Every error body is {statusCode, error, message, request_id}. Domain errors map by code, HTTP
// exceptions keep their status, a database that does not answer is a 503 with Retry-After, and
// anything else becomes a bare 500 whose detail goes only to the log, where the same request_id finds it.
import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { isDatabaseUnreachable } from '../database/errors.js';
import { DomainError, type DomainErrorCode } from './domain-error.js';
import type { DatabaseGate } from './guarded-tick.js';
import { requestIdOf } from './request-id.js';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  request_id?: string;
  [extra: string]: unknown;
}

export function statusForCode(code: DomainErrorCode): number {
  switch (code) {
    case 'not_found':
      return HttpStatus.NOT_FOUND;
    case 'invalid_input':
      return HttpStatus.BAD_REQUEST;
    case 'conflict':
      return HttpStatus.CONFLICT;
    case 'unprocessable':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'too_many_requests':
      return HttpStatus.TOO_MANY_REQUESTS;
    case 'unauthorized':
      return HttpStatus.UNAUTHORIZED;
    case 'forbidden':
      return HttpStatus.FORBIDDEN;
    case 'unavailable':
      return HttpStatus.SERVICE_UNAVAILABLE;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? (status >= 500 ? 'Internal Server Error' : 'Error');
}

function messageOf(response: string | object): string {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  if (typeof message === 'string') return message;
  return 'Request failed';
}

export function toErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof DomainError) {
    const statusCode = statusForCode(exception.code);
    return { ...exception.details, statusCode, error: reasonPhrase(statusCode), message: exception.message };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    if (statusCode >= 500) {
      return { statusCode, error: reasonPhrase(statusCode), message: 'Internal server error' };
    }
    return { statusCode, error: reasonPhrase(statusCode), message: messageOf(exception.getResponse()) };
  }
  if (isDatabaseUnreachable(exception)) {
    return {
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'The database does not answer; try again shortly',
    };
  }
  return { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' };
}

/** Seconds a client is asked to wait after a 503 for a database outage. */
export const OUTAGE_RETRY_AFTER_S = 5;

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  /** `database` takes note of an outage a request ran into, and logs it once for all of them. */
  constructor(private readonly database?: DatabaseGate) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const body = toErrorBody(exception);
    const outage = body.statusCode === 503 && isDatabaseUnreachable(exception);
    if (outage) this.database?.noteFailure(exception);
    else if (body.statusCode >= 500) {
      this.logger.error({ err: exception }, 'Unhandled error while serving a request');
    }
    if (host.getType() !== 'http') return;
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    if (response.headersSent) return;
    const requestId = requestIdOf(http.getRequest());
    if (outage) response.setHeader('Retry-After', String(OUTAGE_RETRY_AFTER_S));
    response.status(body.statusCode).json(requestId === undefined ? body : { ...body, request_id: requestId });
  }
}
