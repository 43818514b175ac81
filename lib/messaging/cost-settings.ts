// The loaded cost of an hour (DOMAIN.md, "Measures"), as an admin types it. Its own module: the options
// page checks with it too, without taking in every command's schema.
import { z } from '../model/zod';

let knownCurrencies: ReadonlySet<string> | undefined;
/** An ISO 4217 code this runtime's Intl knows (the dashboard formats money in it). */
export function isKnownCurrency(code: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

const THREE_LETTERS = /^[A-Z]{3}$/;

/** Checked where a 'cost/save' message arrives, and by the options page before it sends one. */
export const CostSettingsSchema = z.object({
  hourlyRate: z
    .number({ error: (issue) => (issue.input === undefined || issue.input === '' ? 'Say what an hour costs: the loaded hourly cost.' : 'The loaded hourly cost must be a number.') })
    .min(0, 'The loaded hourly cost cannot be negative.')
    .max(100_000, 'The loaded hourly cost must be at most 100,000.'),
  currency: z
    .string({ error: 'Choose a currency.' })
    .trim()
    .toUpperCase()
    .refine((code) => THREE_LETTERS.test(code) && isKnownCurrency(code), {
      error: (issue) =>
        THREE_LETTERS.test(String(issue.input))
          ? `${String(issue.input)} is not a currency code Baton knows: use an ISO 4217 code such as USD, EUR or GBP.`
          : 'The currency must be a 3-letter ISO 4217 code, such as USD, EUR or GBP.',
    }),
});
