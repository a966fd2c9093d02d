import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import type { ZodType } from 'zod';
import type { FieldError } from '../../contract/problem.ts';
import { describeValidationIssue, type ValidationIssue } from '../../contract/validation-messages.ts';

type IssueCarrier = FastifySchemaValidationError & { issue: ValidationIssue & { path: PropertyKey[] } };

/**
 * Validates with the route's zod schema and reports every issue (not only the first). The raw
 * issue travels along so the error handler can word it in Dutch and English.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    const errors: IssueCarrier[] = result.error.issues.map((issue) => ({
      keyword: issue.code,
      instancePath: `/${issue.path.map(String).join('/')}`,
      schemaPath: '',
      params: {},
      message: issue.message,
      issue: issue as unknown as IssueCarrier['issue'],
    }));
    return { error: errors as unknown as Error };
  };

export function toFieldErrors(
  validation: FastifySchemaValidationError[],
  context: string | undefined,
): FieldError[] {
  const part = (['body', 'querystring', 'params', 'headers'] as const).find((p) => p === context) ?? 'body';
  return validation.map((entry) => {
    const issue = (entry as Partial<IssueCarrier>).issue;
    return {
      in: part,
      path: issue
        ? issue.path.map(String).join('.')
        : entry.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      code: issue?.code ?? entry.keyword,
      messages: issue
        ? describeValidationIssue(issue)
        : { nl: 'Deze waarde is niet geldig.', en: entry.message ?? '' },
    };
  });
}
