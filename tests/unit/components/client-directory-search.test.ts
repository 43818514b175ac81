// @vitest-environment happy-dom
// Settings → Clients: the list narrows as a person types, by the panel search's rules. No JSX here: unit tests are .ts files.
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { reactRootPerTest } from './react-root';
import { ClientDirectory } from '../../../components/client-directory';

const AT = '2026-12-06T11:00:00.000Z';
const client = (id: string, name: string, identifiers: { kind: string; value: string }[]) => ({ id, name, identifiers, stakeholders: [], preferences: [], sensitivities: [], archived: false, createdAt: AT, updatedAt: AT });
const CLIENTS = [
  client('c-juniper', 'Juniper & Vale Coffee Roasters', [{ kind: 'email-domain', value: 'junipervale.coffee' }, { kind: 'google-ads-customer', value: '3185529047' }]),
  client('c-north', 'Northgate Credit Union', [{ kind: 'email-domain', value: 'northgatecu.org' }, { kind: 'asana-project', value: '1207731190422871' }]),
  client('c-cafe', 'Café Tomás', []),
];

const view = reactRootPerTest((message: { type: string }) => ({ ok: true, data: message.type === 'clients/list' ? CLIENTS : [] }));
beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
const searchField = () => [...view.host.querySelectorAll('label')].find((l) => l.textContent?.startsWith('Search clients'))!.querySelector('input')!;
const listed = () => [...view.host.querySelectorAll('ul[aria-label="Clients"] > li p.font-medium')].map((p) => p.textContent);
const count = () => view.host.querySelector('#client-count')?.textContent;
async function type(text: string) {
  const input = searchField();
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('Settings → Clients search', () => {
  it('narrows the list by name, domain and identifier, with a count and a message when nothing matches', async () => {
    await act(async () => view.root.render(createElement(ClientDirectory)));
    await settle();
    expect(listed()).toEqual(['Juniper & Vale Coffee Roasters', 'Northgate Credit Union', 'Café Tomás']);
    expect(count()).toBe('3 clients');

    await type('318-552-9047');
    expect(listed()).toEqual(['Juniper & Vale Coffee Roasters']);
    expect(count()).toBe('1 of 3 clients');

    await type('https://app.asana.com/0/1207731190422871/1207731190499999');
    expect(listed()).toEqual(['Northgate Credit Union']);

    await type('cafe');
    expect(listed()).toEqual(['Café Tomás']);

    await type('<b>nobody</b>');
    expect(listed()).toEqual([]);
    expect(count()).toBe('0 of 3 clients');
    expect(view.host.textContent).toContain('No client matches “<b>nobody</b>”.');
    expect(view.host.querySelector('b')).toBeNull();

    await type('');
    expect(listed()).toHaveLength(3);
  });
});
