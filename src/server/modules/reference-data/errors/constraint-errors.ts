import { describeConstraintViolation } from '../../../db/constraint-errors.ts';
import { AppError } from '../../../http/app-error.ts';

type UniqueField = { constraint: string; path: string; nl: string; en: string };

/** A field-level 4xx for a violated unique constraint; anything else is rethrown. */
export function translateUniqueViolation(fields: UniqueField[]) {
  return (error: unknown): never => {
    const violation = describeConstraintViolation(error);
    const field = violation?.kind === 'unique' && fields.find((f) => f.constraint === violation.constraint);
    if (field) {
      throw new AppError('already_exists', {
        fieldErrors: [
          { in: 'body', path: field.path, code: 'unique', messages: { nl: field.nl, en: field.en } },
        ],
      });
    }
    throw error;
  };
}

export function unknownReference(path: string, nl: string, en: string): AppError {
  return new AppError('validation_failed', {
    fieldErrors: [{ in: 'body', path, code: 'invalid_reference', messages: { nl, en } }],
  });
}
