import { describe, expect, test } from 'vitest';
import { containsStatusToken, redactStatusLinks, restoreStatusLink } from '../../src/domain/index.ts';

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCdE';
const NL = `https://klachten.corporatie.example/klacht/status/${TOKEN}`;
const EN = `https://klachten.corporatie.example/complaint/status/${TOKEN}`;

describe('status links in texts staff can read (issue 20)', () => {
  test.each([
    [`Uw link: ${NL}\nGroet`, 'Uw link: https://klachten.corporatie.example/klacht/status/••••\nGroet'],
    [`Your link: ${EN}`, 'Your link: https://klachten.corporatie.example/complaint/status/••••'],
    [`${NL}/ontvangen en ${NL}`, `${NL.replace(TOKEN, '••••')}/ontvangen en ${NL.replace(TOKEN, '••••')}`],
    ['Geen link hier: https://x.example/status', 'Geen link hier: https://x.example/status'],
    // Not a token: too short, so not a status link
    ['/klacht/status/kort', '/klacht/status/kort'],
  ])('redacts %j', (text, redacted) => {
    expect(redactStatusLinks(text)).toBe(redacted);
    expect(containsStatusToken(redactStatusLinks(text))).toBe(false);
  });

  test('detects a token and leaves a redacted text alone', () => {
    expect(containsStatusToken(NL)).toBe(true);
    expect(containsStatusToken(redactStatusLinks(NL))).toBe(false);
    expect(redactStatusLinks(redactStatusLinks(NL))).toBe(redactStatusLinks(NL));
  });

  test.each([
    [redactStatusLinks(`Open ${NL} om te kijken.`), NL, `Open ${NL} om te kijken.`],
    [redactStatusLinks(`<a href="${EN}">${EN}</a>`), EN, `<a href="${EN}">${EN}</a>`],
    ['Geen link.', NL, 'Geen link.'],
    [redactStatusLinks(`Open ${NL}`), null, redactStatusLinks(`Open ${NL}`)],
  ])('restores the secret link for delivery: %j', (stored, secret, sent) => {
    expect(restoreStatusLink(stored, secret)).toBe(sent);
  });
});
