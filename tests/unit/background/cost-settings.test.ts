// The loaded cost of an hour (DOMAIN.md, "Measures"): cost/get and cost/save, from the message as it arrives.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Backup } from '../../../lib/messaging/protocol';
import { demoteMe, newTestBackground, type TestBackground } from '../helpers/background';

let bg: TestBackground;
beforeEach(() => {
  fakeBrowser.reset();
  bg = newTestBackground();
});

const eventCount = async () => (await bg.ok<Backup>({ type: 'data/export' })).events.length;

describe('the cost of an hour', () => {
  it('starts at 75 USD', async () => {
    expect(await bg.ok({ type: 'cost/get' })).toEqual({ hourlyRate: 75, currency: 'USD' });
  });

  it('is saved, read back, and kept in the workspace across restarts', async () => {
    expect(await bg.ok({ type: 'cost/save', hourlyRate: 120, currency: 'GBP' })).toEqual({ hourlyRate: 120, currency: 'GBP' });
    expect(await bg.ok({ type: 'cost/get' })).toEqual({ hourlyRate: 120, currency: 'GBP' });
    expect(await newTestBackground(bg.dbName).ok({ type: 'cost/get' })).toEqual({ hourlyRate: 120, currency: 'GBP' });

    // Bounds included, fractions allowed, a code in any case and with spaces read as the code.
    expect(await bg.ok({ type: 'cost/save', hourlyRate: 0, currency: ' eur ' })).toEqual({ hourlyRate: 0, currency: 'EUR' });
    expect(await bg.ok({ type: 'cost/save', hourlyRate: 100_000, currency: 'JPY' })).toEqual({ hourlyRate: 100_000, currency: 'JPY' });
    expect(await bg.ok({ type: 'cost/save', hourlyRate: 92.5, currency: 'THB' })).toEqual({ hourlyRate: 92.5, currency: 'THB' });
    expect(await bg.ok({ type: 'cost/get' })).toEqual({ hourlyRate: 92.5, currency: 'THB' });
  });

  it('saving the cost keeps the reminders and the agency’s own domains', async () => {
    await bg.ok({ type: 'reminders/save', settings: { remindEveryHours: 2, escalateAfterHours: 12 } });
    await bg.ok({ type: 'settings/save', settings: { ownDomains: ['fieldstone.agency'] } });
    await bg.ok({ type: 'cost/save', hourlyRate: 110, currency: 'CAD' });
    expect(await bg.ok({ type: 'reminders/get' })).toEqual({ remindEveryHours: 2, escalateAfterHours: 12 });
    expect(await bg.ok({ type: 'settings/get' })).toEqual({ ownDomains: ['fieldstone.agency'] });
    expect(await bg.ok({ type: 'cost/get' })).toEqual({ hourlyRate: 110, currency: 'CAD' });
  });

  it('saving the reminders or the domains keeps the cost', async () => {
    await bg.ok({ type: 'cost/save', hourlyRate: 140, currency: 'AUD' });
    await bg.ok({ type: 'reminders/save', settings: { remindEveryHours: 1, escalateAfterHours: 0 } });
    expect(await bg.ok({ type: 'cost/get' })).toEqual({ hourlyRate: 140, currency: 'AUD' });
    await bg.ok({ type: 'settings/save', settings: { ownDomains: ['fieldstone.agency'] } });
    expect(await bg.ok({ type: 'cost/get' })).toEqual({ hourlyRate: 140, currency: 'AUD' });
    expect(await newTestBackground(bg.dbName).ok({ type: 'cost/get' })).toEqual({ hourlyRate: 140, currency: 'AUD' });
  });

  it('is changed by admins only: a member reads it and is refused, and nothing is written', async () => {
    await demoteMe(bg);
    const before = await eventCount();
    expect(await bg.refused({ type: 'cost/save', hourlyRate: 90, currency: 'EUR' })).toEqual({ code: 'forbidden', message: 'Only an admin can change the cost of an hour.' });
    expect(await bg.ok({ type: 'cost/get' })).toEqual({ hourlyRate: 75, currency: 'USD' });
    expect(await eventCount()).toBe(before);
  });

  it('refuses bad input with a message that says what is wrong, and writes nothing', async () => {
    await bg.ok({ type: 'cost/save', hourlyRate: 80, currency: 'NZD' });
    const before = await eventCount();
    const good = { type: 'cost/save', hourlyRate: 80, currency: 'EUR' };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...good, hourlyRate: -1 }, /^hourlyRate: The loaded hourly cost cannot be negative\.$/],
      [{ ...good, hourlyRate: -0.01 }, /^hourlyRate: The loaded hourly cost cannot be negative\.$/],
      [{ ...good, hourlyRate: 100_000.01 }, /^hourlyRate: The loaded hourly cost must be at most 100,000\.$/],
      [{ ...good, hourlyRate: Number.POSITIVE_INFINITY }, /^hourlyRate: /],
      [{ ...good, hourlyRate: Number.NaN }, /^hourlyRate: The loaded hourly cost must be a number\.$/],
      [{ ...good, hourlyRate: '120' }, /^hourlyRate: The loaded hourly cost must be a number\.$/],
      [{ ...good, hourlyRate: null }, /^hourlyRate: The loaded hourly cost must be a number\.$/],
      [{ ...good, hourlyRate: undefined }, /^hourlyRate: Say what an hour costs: the loaded hourly cost\.$/],
      [{ ...good, currency: 'XYZ' }, /^currency: XYZ is not a currency code Baton knows: use an ISO 4217 code such as USD, EUR or GBP\.$/],
      [{ ...good, currency: 'US' }, /^currency: The currency must be a 3-letter ISO 4217 code, such as USD, EUR or GBP\.$/],
      [{ ...good, currency: 'US Dollar' }, /^currency: The currency must be a 3-letter ISO 4217 code, such as USD, EUR or GBP\.$/],
      [{ ...good, currency: '$' }, /^currency: The currency must be a 3-letter ISO 4217 code, such as USD, EUR or GBP\.$/],
      [{ ...good, currency: '' }, /^currency: The currency must be a 3-letter ISO 4217 code, such as USD, EUR or GBP\.$/],
      [{ ...good, currency: 840 }, /^currency: Choose a currency\.$/],
      [{ ...good, currency: undefined }, /^currency: Choose a currency\.$/],
    ];
    for (const [message, expected] of cases) {
      const error = await bg.refused(message);
      expect(error, JSON.stringify(message)).toMatchObject({ code: 'bad-request', message: expect.stringMatching(expected) });
    }
    expect(await eventCount()).toBe(before);
    expect(await bg.ok({ type: 'cost/get' })).toEqual({ hourlyRate: 80, currency: 'NZD' });
  });
});
