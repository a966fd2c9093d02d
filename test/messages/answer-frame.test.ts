import { describe, expect, test } from 'vitest';
import { countLetterFrames } from '../../src/domain/index.ts';
import { DEFAULT_TEMPLATES } from '../../src/server/modules/messages/templates/default-templates.ts';
import {
  COMPOSER_KINDS,
  LOCALES,
  MESSAGE_KINDS,
} from '../../src/server/modules/messages/templates/message-kinds.ts';
import {
  exampleValues,
  renderTemplate,
  validateTemplate,
} from '../../src/server/modules/messages/templates/render-template.ts';

// Issue 22: "begin with the standard text" sent the salutation and the sign-off twice, because the standard
// text had its own and the answer's template adds them again. Every standard text, put in every answer
// envelope, must make a letter with exactly one of each.

const ENVELOPES = ['answer', 'stand_by_decision', 'last_response'] as const;

describe('one salutation and one sign-off in every answer (issue 22)', () => {
  test('there are standard texts, and they are the composer’s only', () => {
    expect(COMPOSER_KINDS.length).toBeGreaterThanOrEqual(2);
    for (const kind of COMPOSER_KINDS) expect(MESSAGE_KINDS[kind].audience).toBe('composer');
  });

  test.each(ENVELOPES)('every standard text inside the %s template', (envelope) => {
    for (const kind of COMPOSER_KINDS)
      for (const locale of LOCALES) {
        const middle = renderTemplate(kind, DEFAULT_TEMPLATES[kind][locale], exampleValues(kind) as never);
        expect(middle.bodyText).not.toMatch(/\{\{|\}\}/);
        const letter = renderTemplate(envelope, DEFAULT_TEMPLATES[envelope][locale], {
          ...(exampleValues(envelope) as Record<string, string>),
          answerText: middle.bodyText,
        } as never);
        expect(countLetterFrames(letter.bodyText), `${envelope}/${kind}/${locale}`).toEqual({
          salutations: 1,
          closings: 1,
        });
      }
  });

  test('the standard text as it was before issue 22 is refused: it would double both', () => {
    const before = {
      subject: 'Standaardtekst',
      body:
        'Beste {{recipientName}},\n\nOp {{receivedDate}} heeft u een klacht bij ons ingediend. Bedankt dat u dit ' +
        'aan ons heeft laten weten. We hebben uw klacht met u besproken en beoordeeld.\n\n\n\nMet vriendelijke groet,',
    };
    expect(validateTemplate('answer_text', before).map((p) => p.code)).toEqual([
      'salutation_in_text',
      'closing_in_text',
    ]);
    // and this is what it did to the letter: both twice
    const typed = before.body
      .replace('{{recipientName}}', 'Jannie de Vries')
      .replace('{{receivedDate}}', '1 december');
    const letter = renderTemplate('answer', DEFAULT_TEMPLATES.answer.nl, {
      ...(exampleValues('answer') as Record<string, string>),
      answerText: typed,
    } as never);
    expect(countLetterFrames(letter.bodyText)).toEqual({ salutations: 2, closings: 2 });
  });
});
