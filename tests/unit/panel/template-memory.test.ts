// Each person's last template per site, and which template a page starts directly.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { orderTemplates, preferredTemplate, rememberTemplate, rememberedTemplates } from '../../../components/panel/template-order';
import { BUILT_IN_TEMPLATES } from '../../../lib/templates';

beforeEach(() => fakeBrowser.reset());

describe('the template a page starts directly', () => {
  const gmail = orderTemplates(BUILT_IN_TEMPLATES, 'gmail');
  it('is the page’s first suggestion when the person never started one there', () => {
    expect(preferredTemplate(gmail, 'gmail', undefined)?.id).toBe('sales-to-am');
    expect(preferredTemplate(gmail, 'gmail', { asana: 'coverage' })?.id).toBe('sales-to-am');
  });
  it('is the one the person last started on that site, suggested or not', () => {
    expect(preferredTemplate(gmail, 'gmail', { gmail: 'brief-to-creative' })?.id).toBe('brief-to-creative');
    expect(preferredTemplate(gmail, 'gmail', { gmail: 'client-offboarding' })?.id).toBe('client-offboarding');
  });
  it('falls back to the suggestion when the remembered template no longer exists', () => {
    expect(preferredTemplate(gmail, 'gmail', { gmail: 'deleted-template' })?.id).toBe('sales-to-am');
  });
  it('is none without a page, so the person picks', () => {
    expect(preferredTemplate(orderTemplates(BUILT_IN_TEMPLATES, undefined), undefined, { gmail: 'coverage' })).toBeUndefined();
  });
});

describe('the last template per site', () => {
  it('is remembered per member and per site, the newest pick winning', async () => {
    expect(await rememberedTemplates('m-sam')).toEqual({});
    await rememberTemplate('m-sam', 'gmail', 'brief-to-creative');
    await rememberTemplate('m-sam', 'asana', 'coverage');
    await rememberTemplate('m-sam', 'gmail', 'am-transition');
    await rememberTemplate('m-tom', 'gmail', 'sales-to-am');
    expect(await rememberedTemplates('m-sam')).toEqual({ gmail: 'am-transition', asana: 'coverage' });
    expect(await rememberedTemplates('m-tom')).toEqual({ gmail: 'sales-to-am' });
  });
  it('starts afresh from a damaged stored value', async () => {
    await fakeBrowser.storage.local.set({ 'baton:last-template:m-sam': 'not a record' });
    expect(await rememberedTemplates('m-sam')).toEqual({});
  });
});
