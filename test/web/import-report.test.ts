import { describe, expect, it } from 'vitest';
import { errorCatalog } from '../../src/contract/errors.ts';
import { problemsCsv, rowProblems } from '../../src/web/features/admin/import-upload.ts';
import { ApiError } from '../../src/web/lib/api-client.ts';

const problem = (path: string, nl: string, en = nl) => ({
  in: 'body' as const,
  path,
  code: 'custom',
  messages: { nl, en },
});

describe('the import report (issue 22)', () => {
  const error = new ApiError({
    status: 422,
    code: 'import_invalid',
    messages: errorCatalog.import_invalid,
    fieldErrors: [
      problem('line.3.straat', 'Vul dit veld in.', 'Fill in this field.'),
      problem(
        'line.3.postcode',
        'Vul een postcode in zoals 2678 AB.',
        'Enter a Dutch postcode such as 2678 AB.',
      ),
      problem('line.4', 'Deze regel heeft 8 velden; de kopregel 7', 'This line has 8 fields'),
      problem('naam', 'De kolom naam ontbreekt.', 'The column naam is missing.'),
    ],
  });

  it('keeps every problem, several per line, a whole-line problem on its own line, the header on line 1', () => {
    expect(rowProblems(error).map(({ line, column }) => [line, column])).toEqual([
      [3, 'straat'],
      [3, 'postcode'],
      [4, ''],
      [1, 'naam'],
    ]);
  });

  it('downloads as a semicolon CSV with both languages, quoted where needed and formulas defused', () => {
    const csv = problemsCsv(
      [...rowProblems(error), { line: 5, column: 'naam', messages: { nl: '=HYPERLINK("x")', en: '+1' } }],
      ['Regel', 'Kolom', 'Melding (nl)', 'Message (en)'],
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows).toEqual([
      'Regel;Kolom;Melding (nl);Message (en)',
      '3;straat;Vul dit veld in.;Fill in this field.',
      '3;postcode;Vul een postcode in zoals 2678 AB.;Enter a Dutch postcode such as 2678 AB.',
      '4;;"Deze regel heeft 8 velden; de kopregel 7";This line has 8 fields',
      '1;naam;De kolom naam ontbreekt.;The column naam is missing.',
      `5;naam;"'=HYPERLINK(""x"")";'+1`,
    ]);
  });
});
