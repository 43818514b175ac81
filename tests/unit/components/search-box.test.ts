// @vitest-environment happy-dom
// The panel header's search, as a keyboard user meets it. No JSX here: unit tests are .ts files.
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { reactRootPerTest } from './react-root';
import { NavigationContext, type Navigation, type Route } from '../../../components/panel/navigation';
import { SearchBox } from '../../../components/panel/search-box';
import { publishChange } from '../../../lib/db/change-feed';
import { STORAGE_KEYS } from '../../../lib/storage/keys';
import { getItem, setItem } from '../../../lib/storage/store';

const AT = '2026-12-06T11:00:00.000Z';
const client = (id: string, name: string, identifiers: { kind: string; value: string }[]) => ({ id, name, identifiers, stakeholders: [], preferences: [], sensitivities: [], archived: false, createdAt: AT, updatedAt: AT });
const CLIENTS = [
  client('c-juniper', 'Juniper & Vale Coffee Roasters', [{ kind: 'email-domain', value: 'junipervale.coffee' }, { kind: 'google-ads-customer', value: '3185529047' }]),
  client('c-north', 'Northgate Credit Union', [{ kind: 'email-domain', value: 'northgatecu.org' }]),
  client('c-verity', 'Verity <script>alert(1)</script> Skincare', []),
];
const MEMBERS = [{ id: 'm-dana', name: 'Dana Whitfield', email: 'dana@fieldstone.agency', role: 'admin' }];
const HANDOFFS = [{ id: 'h-1', clientId: 'c-north', title: 'Northgate: sales to AM', senderId: 'm-dana', state: 'sent', updatedAt: AT }];

const view = reactRootPerTest((message: { type: string }) => {
  const data = { 'clients/list': CLIENTS, 'members/list': MEMBERS, 'handoffs/headlines': HANDOFFS }[message.type];
  return data ? { ok: true, data } : { ok: false, problem: { code: 'bad-request', message: `unexpected ${message.type}` } };
});

let opened: Route[] = [];
beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  opened = [];
});
const navigation: Navigation = { navigate: (route) => opened.push(route), back: () => {}, canGoBack: false, requestFocus: () => {}, takeFocusRequest: () => false };

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
async function render(): Promise<HTMLInputElement> {
  await act(async () => view.root.render(createElement(NavigationContext.Provider, { value: navigation }, createElement('textarea', { 'aria-label': 'Notes' }), createElement(SearchBox))));
  return view.host.querySelector<HTMLInputElement>('input[role="combobox"]')!;
}
const press = (target: Element, key: string) => act(async () => void target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));
async function type(input: HTMLInputElement, text: string) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle();
}
const options = () => [...view.host.querySelectorAll('[role="option"]')].map((o) => o.textContent);
const groups = () => [...view.host.querySelectorAll('[role="group"]')].map((g) => document.getElementById(g.getAttribute('aria-labelledby')!)?.textContent);

describe('the panel’s search box', () => {
  it('takes `/` from anywhere in the panel, but not from a field someone types in', async () => {
    const input = await render();
    expect(input.getAttribute('aria-label')).toBe('Search clients and handoffs');
    const notes = view.host.querySelector('textarea')!;
    notes.focus();
    await press(notes, '/');
    expect(document.activeElement).toBe(notes);
    notes.blur();
    await press(document.body, '/');
    expect(document.activeElement).toBe(input);
  });

  it('finds a client by a customer id typed with dashes and opens it with Enter', async () => {
    const input = await render();
    await act(async () => input.focus());
    await type(input, '318-552-9047');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(groups()).toEqual(['Clients']);
    expect(options()).toEqual(['Juniper & Vale Coffee RoastersGoogle Ads customer ID 318-552-9047']);
    await press(input, 'Enter');
    expect(opened).toEqual([{ view: 'client', clientId: 'c-juniper' }]);
    expect(input.value).toBe('');
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('moves through clients and handoffs with the arrow keys and opens the handoff chosen', async () => {
    // As Chromium 14x does: scrollIntoView returns a promise (an effect handing it to React broke the panel).
    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => Promise.resolve() as never);
    const input = await render();
    await act(async () => input.focus());
    await type(input, 'northgate');
    expect(groups()).toEqual(['Clients', 'Handoffs']);
    expect(options()).toEqual(['Northgate Credit Union', 'Northgate: sales to AMNorthgate Credit Union · Dana Whitfield']);
    await press(input, 'ArrowDown');
    await press(input, 'ArrowDown');
    const active = document.getElementById(input.getAttribute('aria-activedescendant')!)!;
    expect(active.getAttribute('aria-selected')).toBe('true');
    expect(active.textContent).toContain('Northgate: sales to AM');
    expect(scrolled).toHaveBeenCalledWith({ block: 'nearest' });
    await press(input, 'Enter');
    expect(opened).toEqual([{ view: 'handoff', handoffId: 'h-1' }]);
  });

  it('closes on Escape keeping the words typed, clears on a second, says when nothing matches, and shows hostile names as text', async () => {
    const input = await render();
    await act(async () => input.focus());
    await type(input, 'northgate');
    await press(input, 'Escape');
    expect(input.value).toBe('northgate');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(view.host.querySelector('[role="listbox"]')).toBeNull();
    await press(input, 'Escape');
    expect(input.value).toBe('');
    await type(input, 'nothing like this');
    expect(view.host.textContent).toContain('No client or handoff matches “nothing like this”.');
    await press(input, 'Escape');
    expect(view.host.textContent).not.toContain('No client or handoff matches');
    await type(input, '<script>');
    expect(options()).toEqual(['Verity <script>alert(1)</script> Skincare']);
    expect(view.host.querySelector('script')).toBeNull();
  });

  it('opens nothing on Enter when the result chosen went away meanwhile (another never stands in for it)', async () => {
    const input = await render();
    await act(async () => input.focus());
    await type(input, 'northgate');
    await press(input, 'ArrowDown');
    await press(input, 'ArrowDown');
    expect(document.getElementById(input.getAttribute('aria-activedescendant')!)?.textContent).toContain('Northgate: sales to AM');
    const gone = HANDOFFS.splice(0);
    try {
      publishChange({ eventId: 'e-1', type: 'handoff.deleted', stores: ['handoffs'] });
      await vi.waitFor(() => expect(options()).toEqual(['Northgate Credit Union']));
      expect(input.getAttribute('aria-activedescendant')).toBeNull();
      await press(input, 'Enter');
      expect(opened).toEqual([]);
      await press(input, 'ArrowDown');
      await press(input, 'Enter');
      expect(opened).toEqual([{ view: 'client', clientId: 'c-north' }]);
    } finally {
      HANDOFFS.push(...gone);
    }
  });

  it('offers the recent clients before anything is typed, and remembers none that is gone', async () => {
    await setItem(STORAGE_KEYS.recentClients, ['c-north', 'c-deleted', 'c-juniper']);
    const input = await render();
    await act(async () => input.focus());
    await settle();
    expect(groups()).toEqual(['Recent clients']);
    expect(options()).toEqual(['Northgate Credit Union', 'Juniper & Vale Coffee Roasters']);
    await press(input, 'ArrowUp');
    await press(input, 'Enter');
    expect(opened).toEqual([{ view: 'client', clientId: 'c-juniper' }]);
    expect(await getItem(STORAGE_KEYS.recentClients)).toEqual(['c-north', 'c-deleted', 'c-juniper']);
  });
});
