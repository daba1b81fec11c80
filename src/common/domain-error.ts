// Services throw these; DomainErrorFilter is the only place that turns them into HTTP answers.
// The scheduler and the realtime gateway catch the same class.

export type DomainErrorCode =
  | 'not_found'
  | 'invalid_input'
  | 'conflict'
  | 'unprocessable'
  | 'too_many_requests'
  | 'unauthorized'
  | 'forbidden'
  | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (message: string): DomainError => new DomainError('not_found', message);
export const invalidInput = (message: string): DomainError => new DomainError('invalid_input', message);
export const conflict = (message: string): DomainError => new DomainError('conflict', message);
