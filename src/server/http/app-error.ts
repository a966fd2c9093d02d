import { type ErrorCode, errorCatalog } from '../../contract/errors.ts';
import type { FieldError } from '../../contract/problem.ts';

type AppErrorOptions = {
  detail?: string;
  fieldErrors?: FieldError[];
  headers?: Record<string, string>;
  cause?: unknown;
};

/** The one error services throw; the error handler turns it into problem+json with the catalogue's status. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fieldErrors: FieldError[] | undefined;
  readonly detail: string | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.detail ?? errorCatalog[code].en, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = errorCatalog[code].status;
    this.fieldErrors = options.fieldErrors;
    this.detail = options.detail;
    this.headers = options.headers;
  }
}

/** A 400 naming the field whose id points at nothing this organisation has (Dutch and English). */
export function unknownReference(path: string): AppError {
  return new AppError('validation_failed', {
    fieldErrors: [
      {
        in: 'body',
        path,
        code: 'invalid_reference',
        messages: { nl: 'Deze bestaat niet (meer).', en: 'This does not exist (any more).' },
      },
    ],
  });
}
