// @vitest-environment happy-dom
// Settings → Clients: identifiers typed as people write them, one row each with a kind menu. No JSX here:
// unit tests are .ts files.
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { reactRootPerTest } from './react-root';
import { ClientDirectory } from '../../../components/client-directory';

type Message = { type: string; client?: { name: string; identifiers: string } };
const sent: Message[] = [];
let clients: unknown[] = [];

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  sent.length = 0;
  clients = [];
});
const view = reactRootPerTest((message: Message) => {
  sent.push(message);
  if (message.type === 'clients/list') return { ok: true, data: clients };
  if (message.type === 'members/list') return { ok: true, data: [] };
  if (message.type === 'clients/save') return { ok: true, data: { id: 'c-1', name: message.client!.name, identifiers: [] } };
  return { ok: true, data: null };
});

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
const render = async () => {
  await act(async () => view.root.render(createElement(ClientDirectory)));
  await settle();
};
const byLabel = <T extends HTMLElement>(name: string) =>
  [...view.host.querySelectorAll<T>('input, select, textarea')].find(
    (el) => el.getAttribute('aria-label') === name || el.closest('label')?.firstChild?.textContent?.trim() === name,
  );
const button = (name: string) => [...view.host.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);
const rows = () => [...view.host.querySelectorAll('ul[aria-label="Identifiers"] > li')].map((li) => li.querySelector('span')?.textContent);
const alerts = () => [...view.host.querySelectorAll('[role="alert"]')].map((a) => a.textContent);

async function type(name: string, text: string) {
  const input = byLabel<HTMLInputElement>(name)!;
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const pressEnter = (name: string) =>
  act(async () => {
    byLabel(name)!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  });
async function choose(name: string, value: string) {
  const select = byLabel<HTMLSelectElement>(name)!;
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('the client editor’s identifiers', () => {
  it('turns "acme.com google ads 123-456-7890" into two rows with friendly labels, and saves them', async () => {
    await render();
    await type('Add identifiers', 'acme.com google ads 123-456-7890');
    await pressEnter('Add identifiers');
    expect(rows()).toEqual(['Email domain acme.com', 'Google Ads customer ID 123-456-7890']);
    expect(alerts()).toEqual([]);
    expect(byLabel<HTMLInputElement>('Add identifiers')!.value).toBe('');

    await type('Client name', 'Acme');
    await act(async () => button('Add client')!.click());
    await settle();
    expect(sent.find((m) => m.type === 'clients/save')?.client).toMatchObject({ name: 'Acme', identifiers: 'email-domain:acme.com google-ads-customer:1234567890' });
  });

  it('lets the person correct the kind, and remove a row', async () => {
    await render();
    await type('Add identifiers', 'https://ads.google.com/aw/overview?ocid=3185529047 sam@acme.com');
    await act(async () => button('Add')!.click());
    expect(rows()).toEqual(['Google Ads account (ocid) 3185529047', 'Email sam@acme.com']);

    await choose('Kind of 3185529047', 'google-ads-customer');
    expect(rows()).toEqual(['Google Ads customer ID 318-552-9047', 'Email sam@acme.com']);
    expect(byLabel('Kind of 318-552-9047')).toBeDefined();

    await act(async () => button('Remove Email sam@acme.com')!.click());
    expect(rows()).toEqual(['Google Ads customer ID 318-552-9047']);
  });

  it('asks the kind of a bare number before saving it', async () => {
    await render();
    await type('Client name', 'Acme');
    await type('Add identifiers', '3185529047');
    await act(async () => button('Add client')!.click());
    await settle();
    expect(sent.some((m) => m.type === 'clients/save')).toBe(false);
    expect(alerts()).toEqual(['Choose what kind of identifier 3185529047 is.']);

    await choose('Kind of 3185529047', 'meta-ad-account');
    await act(async () => button('Add client')!.click());
    await settle();
    expect(sent.find((m) => m.type === 'clients/save')?.client?.identifiers).toBe('meta-ad-account:3185529047');
  });

  it('gives ONE clear message for text that is not an identifier, and adds nothing', async () => {
    await render();
    await type('Add identifiers', 'google ads for acme');
    await pressEnter('Add identifiers');
    expect(alerts()).toEqual(['"google ads for acme" is not an identifier: paste a link, a domain (acme.com), an email address or a Google Ads customer ID (123-456-7890).']);
    expect(rows()).toEqual([]);
    // What was typed stays, to be corrected.
    expect(byLabel<HTMLInputElement>('Add identifiers')!.value).toBe('google ads for acme');
  });

  it('shows hostile text as text', async () => {
    await render();
    await type('Add identifiers', '<img src=x onerror=alert(1)>');
    await pressEnter('Add identifiers');
    expect(view.host.querySelector('img')).toBeNull();
    expect(alerts()[0]).toContain('img src=x onerror=alert(1)');
  });

  it('edits a client’s identifiers as rows, and lists clients with friendly labels', async () => {
    clients = [{ id: 'c-1', name: 'Acme', identifiers: [{ kind: 'google-ads-customer', value: '3185529047' }, { kind: 'email-domain', value: 'acme.com' }], archived: false }];
    await render();
    expect(view.host.querySelector('ul[aria-label="Clients"]')?.textContent).toContain('Google Ads customer ID 318-552-9047 · Email domain acme.com');
    await act(async () => button('Edit Acme')!.click());
    expect(rows()).toEqual(['Google Ads customer ID 318-552-9047', 'Email domain acme.com']);
  });
});
