import { findLetterFrame } from '../../../../domain/answer-composer.ts';
import type { TemplateText } from './default-templates.ts';
import { type Locale, MESSAGE_KINDS, type MessageKind, type ValuesFor } from './message-kinds.ts';
import { isPlaceholder, PLACEHOLDERS } from './placeholders.ts';

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

export type TemplateProblem = {
  field: 'subject' | 'body';
  code:
    | 'unknown_placeholder'
    | 'placeholder_not_allowed'
    | 'unbalanced_braces'
    | 'salutation_in_text'
    | 'closing_in_text';
  placeholder?: string;
  messages: { nl: string; en: string };
};

/** Every `{{name}}` in the text, in order of appearance. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

/**
 * An unknown or misplaced placeholder is an error, not a blank in a letter: a template is only
 * stored when every name is one this message kind fills in.
 */
export function validateTemplate(kind: MessageKind, template: TemplateText): TemplateProblem[] {
  const allowed: readonly string[] = MESSAGE_KINDS[kind].placeholders;
  const problems: TemplateProblem[] = [];
  for (const field of ['subject', 'body'] as const) {
    const text = template[field];
    const stripped = text.replace(PLACEHOLDER, '');
    if (stripped.includes('{{') || stripped.includes('}}'))
      problems.push({
        field,
        code: 'unbalanced_braces',
        messages: {
          nl: 'Er staat een {{ of }} zonder tegenhanger in de tekst.',
          en: 'The text has a {{ or }} without its counterpart.',
        },
      });
    for (const name of placeholdersIn(text)) {
      if (!isPlaceholder(name))
        problems.push({
          field,
          code: 'unknown_placeholder',
          placeholder: name,
          messages: {
            nl: `Onbekend veld {{${name}}}. Kies uit: ${allowed.join(', ')}.`,
            en: `Unknown placeholder {{${name}}}. Choose from: ${allowed.join(', ')}.`,
          },
        });
      else if (!allowed.includes(name))
        problems.push({
          field,
          code: 'placeholder_not_allowed',
          placeholder: name,
          messages: {
            nl: `{{${name}}} (${PLACEHOLDERS[name].nl}) is bij dit bericht niet beschikbaar.`,
            en: `{{${name}}} (${PLACEHOLDERS[name].en}) is not available in this message.`,
          },
        });
    }
  }
  if (MESSAGE_KINDS[kind].audience === 'composer') problems.push(...frameProblems(template.body));
  return problems;
}

/**
 * Issue 22: a standard text is the middle of an answer. The answer's template has the salutation and the
 * sign-off; a standard text with its own would put them in the letter twice.
 */
function frameProblems(body: string): TemplateProblem[] {
  const frame = findLetterFrame(body);
  const problems: TemplateProblem[] = [];
  if (frame.salutation !== null)
    problems.push({
      field: 'body',
      code: 'salutation_in_text',
      messages: {
        nl: `Laat de aanhef "${frame.salutation}" weg: het antwoord begint er al mee.`,
        en: `Leave out the salutation "${frame.salutation}": the answer already starts with one.`,
      },
    });
  if (frame.closing !== null)
    problems.push({
      field: 'body',
      code: 'closing_in_text',
      messages: {
        nl: `Laat de afsluiting "${frame.closing}" weg: het antwoord eindigt er al mee.`,
        en: `Leave out the sign-off "${frame.closing}": the answer already ends with one.`,
      },
    });
  return problems;
}

export class TemplateError extends Error {
  readonly problems: TemplateProblem[];
  constructor(kind: string, problems: TemplateProblem[]) {
    super(`Template ${kind} is invalid: ${problems.map((p) => p.messages.en).join(' ')}`);
    this.name = 'TemplateError';
    this.problems = problems;
  }
}

export type RenderedMessage = { subject: string; bodyText: string };

/**
 * Fills in a checked template; the subject is one line whatever a value contains. A body paragraph whose
 * placeholders are all blank is left out, so optional details (how to reach the committee) never leave a
 * label without its value.
 */
export function renderTemplate<K extends MessageKind>(
  kind: K,
  template: TemplateText,
  values: ValuesFor<K>,
): RenderedMessage {
  const problems = validateTemplate(kind, template);
  if (problems.length > 0) throw new TemplateError(kind, problems);
  const lookup = values as Record<string, string>;
  const fill = (text: string) => text.replace(PLACEHOLDER, (_, name: string) => lookup[name] ?? '');
  const blank = (name: string) => (lookup[name] ?? '').trim() === '';
  const body = template.body
    .split(/\n[ \t]*\n/)
    .filter((paragraph) => {
      const names = placeholdersIn(paragraph);
      return names.length === 0 || !names.every(blank);
    })
    .map(fill)
    .join('\n\n');
  return {
    subject: fill(template.subject)
      .replace(/\s*[\r\n]+\s*/g, ' ')
      .trim(),
    bodyText: body.replace(/\n{3,}/g, '\n\n').trim(),
  };
}

/** Example values for the admin preview. */
export function exampleValues(kind: MessageKind): Record<string, string> {
  return Object.fromEntries(
    MESSAGE_KINDS[kind].placeholders.map((name) => [name, PLACEHOLDERS[name].example]),
  );
}

export type { Locale };
