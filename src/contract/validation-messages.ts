import type { Locale } from './errors.ts';

/** The parts of a zod issue the messages need (a zod 4 `$ZodIssue`, loosely typed to stay portable). */
export type ValidationIssue = {
  code: string;
  message?: string;
  expected?: unknown;
  input?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  origin?: string;
  format?: string;
  values?: unknown[];
  keys?: string[];
  inclusive?: boolean;
  params?: { messages?: Partial<Record<Locale, string>> };
};

const typeNames: Record<string, { nl: string; en: string }> = {
  string: { nl: 'tekst', en: 'text' },
  number: { nl: 'een getal', en: 'a number' },
  int: { nl: 'een geheel getal', en: 'a whole number' },
  boolean: { nl: 'ja of nee', en: 'true or false' },
  object: { nl: 'een object', en: 'an object' },
  array: { nl: 'een lijst', en: 'a list' },
  date: { nl: 'een datum', en: 'a date' },
};

const anyFormat = { nl: 'de juiste vorm', en: 'the right format' };
const formatNames: Record<string, { nl: string; en: string }> = {
  email: { nl: 'een geldig e-mailadres', en: 'a valid e-mail address' },
  uuid: { nl: 'een geldige id (uuid)', en: 'a valid id (uuid)' },
  url: { nl: 'een geldige URL', en: 'a valid URL' },
  datetime: { nl: 'een datum en tijd (ISO 8601)', en: 'a date and time (ISO 8601)' },
  date: { nl: 'een datum (JJJJ-MM-DD)', en: 'a date (YYYY-MM-DD)' },
  regex: anyFormat,
};

function sizeUnit(origin: string | undefined, locale: Locale): string {
  if (origin === 'string') return locale === 'nl' ? ' tekens' : ' characters';
  if (origin === 'array' || origin === 'set') return locale === 'nl' ? ' items' : ' items';
  return '';
}

/**
 * A field message in Dutch and English for one validation issue. Schemas may give their own
 * bilingual text through `params: { messages: { nl, en } }` on a refinement.
 */
export function describeValidationIssue(issue: ValidationIssue): { nl: string; en: string } {
  const own = issue.params?.messages;
  if (own?.nl && own.en) return { nl: own.nl, en: own.en };
  const missing =
    issue.input === undefined && ['invalid_type', 'invalid_value', 'invalid_union'].includes(issue.code);
  if (missing) return { nl: 'Dit veld is verplicht.', en: 'This field is required.' };
  switch (issue.code) {
    case 'invalid_type': {
      const name = typeNames[String(issue.expected)] ?? {
        nl: String(issue.expected),
        en: String(issue.expected),
      };
      return { nl: `Moet ${name.nl} zijn.`, en: `Must be ${name.en}.` };
    }
    case 'too_small': {
      if (issue.origin === 'string' && issue.minimum === 1)
        return { nl: 'Dit veld mag niet leeg zijn.', en: 'This field must not be empty.' };
      const min = String(issue.minimum);
      return {
        nl: `Moet minimaal ${min}${sizeUnit(issue.origin, 'nl')} zijn.`,
        en: `Must be at least ${min}${sizeUnit(issue.origin, 'en')}.`,
      };
    }
    case 'too_big': {
      const max = String(issue.maximum);
      return {
        nl: `Mag maximaal ${max}${sizeUnit(issue.origin, 'nl')} zijn.`,
        en: `Must be at most ${max}${sizeUnit(issue.origin, 'en')}.`,
      };
    }
    case 'invalid_format': {
      const name = formatNames[String(issue.format)] ?? anyFormat;
      return { nl: `Moet ${name.nl} zijn.`, en: `Must be ${name.en}.` };
    }
    case 'invalid_value': {
      const options = (issue.values ?? []).map((v) => JSON.stringify(v)).join(', ');
      return { nl: `Kies een van: ${options}.`, en: `Choose one of: ${options}.` };
    }
    case 'unrecognized_keys': {
      const keys = (issue.keys ?? []).join(', ');
      return { nl: `Onbekende velden: ${keys}.`, en: `Unknown fields: ${keys}.` };
    }
    case 'not_multiple_of':
      return { nl: 'Deze waarde is niet toegestaan.', en: 'This value is not allowed.' };
    default:
      return { nl: 'Deze waarde is niet geldig.', en: issue.message ?? 'This value is not valid.' };
  }
}
