import { fail, type Outcome, succeed } from './result.ts';

// Compensation is money: integer euro cents, never floating point (policy 2.4, "vergoeden wij de schade").
export type Cents = number;

export function isPositiveCents(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0;
}

const euroFormat = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** '€ 1.234,50' — Dutch notation for letters and screens. */
export function formatEuroCents(cents: Cents): string {
  return euroFormat.format(cents / 100);
}

const AMOUNT_PATTERN = /^(\d{1,9})(?:[.,](\d{1,2}))?$/;

/** Parses '12', '12,5', '12,50' or '12.50' into cents; no thousands separators, no sign. */
export function parseEuroAmount(text: string): Outcome<{ cents: Cents }, 'amount_invalid'> {
  const match = AMOUNT_PATTERN.exec(text.trim().replace(/^€\s*/, ''));
  if (match === null) return fail('amount_invalid');
  const euros = Number(match[1]);
  const cents = Number((match[2] ?? '0').padEnd(2, '0'));
  return succeed({ cents: euros * 100 + cents });
}
