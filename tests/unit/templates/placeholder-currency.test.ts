// Money in the built-in templates' examples is shown in the workspace's currency, never euros in a USD agency.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Template } from '../../../lib/model/template';
import { salesToAm, strategyToMedia } from '../../../lib/templates';
import { currencySign, inWorkspaceCurrency } from '../../../lib/templates/placeholder-currency';
import { newTestBackground } from '../helpers/background';

const placeholderOf = (template: Template, fieldId: string) => template.fields.find((f) => f.id === fieldId)?.placeholder;

describe('placeholders in the workspace currency', () => {
  it('writes the built-ins’ money in the currency’s own sign', () => {
    expect(placeholderOf(inWorkspaceCurrency(salesToAm, 'USD'), 'budget')).toBe('$15k/month media + $4k fee; CMO approves increases');
    expect(placeholderOf(inWorkspaceCurrency(strategyToMedia, 'GBP'), 'budget_pacing')).toMatch(/^£20k over 8 weeks: .* max £500\/day$/);
    expect(placeholderOf(inWorkspaceCurrency(salesToAm, 'CHF'), 'budget')).toBe('CHF 15k/month media + CHF 4k fee; CMO approves increases');
    expect(placeholderOf(inWorkspaceCurrency(salesToAm, 'EUR'), 'budget')).toBe('€15k/month media + €4k fee; CMO approves increases');
  });

  it('leaves a custom template as the agency wrote it', () => {
    const custom = { ...salesToAm, id: 'our-own', builtIn: false };
    expect(placeholderOf(inWorkspaceCurrency(custom, 'USD'), 'budget')).toContain('€15k');
  });

  it('names an unknown currency by its code', () => {
    expect(currencySign('USD')).toBe('$');
    expect(currencySign('XYZ')).toBe('XYZ ');
  });

  it('is what the panel’s template list shows: dollars in a new (USD) workspace, pounds once the admin picks GBP', async () => {
    fakeBrowser.reset();
    const bg = newTestBackground();
    const listed = async () => placeholderOf((await bg.ok<Template[]>({ type: 'templates/list' })).find((t) => t.id === salesToAm.id)!, 'budget');
    expect(await listed()).toBe('$15k/month media + $4k fee; CMO approves increases');
    await bg.ok({ type: 'cost/save', hourlyRate: 90, currency: 'GBP' });
    expect(await listed()).toBe('£15k/month media + £4k fee; CMO approves increases');
  });
});
