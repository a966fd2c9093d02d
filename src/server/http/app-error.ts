import { type ErrorCode, errorCatalog } from '../../contract/errors.ts';
import type { FieldError } from '../../contract/problem.ts';

/** The one error services throw; the error handler turns it into problem+json with the catalogue's status. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fieldErrors: FieldError[] | undefined;
  readonly detail: string | undefined;

  constructor(
    code: ErrorCode,
    options: { detail?: string; fieldErrors?: FieldError[]; cause?: unknown } = {},
  ) {
    super(options.detail ?? errorCatalog[code].en, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = errorCatalog[code].status;
    this.fieldErrors = options.fieldErrors;
    this.detail = options.detail;
  }
}
