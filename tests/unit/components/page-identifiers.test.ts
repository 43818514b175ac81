// @vitest-environment happy-dom
// The panel's "This page": the page's identifiers folded, in friendly labels, the agency's own and free
// mail domains marked as ignored with why; "Link to client" names what it links. No JSX here.
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { reactRootPerTest } from './react-root';
import { LinkClientPicker } from '../../../components/panel/link-client-picker';
import { PageFacts } from '../../../components/panel/page-facts';
import { WorkspaceContext, type Workspace } from '../../../components/panel/workspace';
import type { TabState } from '../../../lib/messaging/protocol';

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
const view = reactRootPerTest((message: { type: string }) =>
  message.type === 'settings/get' ? { ok: true, data: { ownDomains: ['brightlane.agency'] } } : { ok: true, data: [] },
);

const TAB: TabState = {
  tabId: 1,
  context: {
    site: 'gmail',
    url: 'https://mail.google.com/mail/u/0/#inbox/195198d4e5f0a3b2',
    accountEmail: 'dana@brightlane.agency',
    identifiers: [
      { kind: 'gmail-thread', value: '195198d4e5f0a3b2' },
      { kind: 'email', value: 'sam@northwind.example' },
      { kind: 'email-domain', value: 'northwind.example' },
      { kind: 'email', value: 'tom@brightlane.agency' },
      { kind: 'email-domain', value: 'brightlane.agency' },
      { kind: 'email', value: 'pat.home@gmail.com' },
      { kind: 'email-domain', value: 'gmail.com' },
    ],
    thread: { id: 'thread-f:1', legacyId: '195198d4e5f0a3b2', subject: 'Autumn <b>range</b>', participants: [], messageIds: [] },
  },
  match: { status: 'none' },
  linkable: [
    { kind: 'gmail-thread', value: '195198d4e5f0a3b2' },
    { kind: 'email-domain', value: 'northwind.example' },
  ],
  updatedAt: '2026-12-06T11:00:00.000Z',
};

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
const toggle = () => [...view.host.querySelectorAll('button')].find((b) => b.textContent?.includes('on this page'))!;
const list = () => view.host.querySelector<HTMLElement>('ul[aria-label="Identifiers on this page"]')!;
const items = () => [...list().querySelectorAll('li')].map((li) => li.textContent);

describe('This page', () => {
  it('folds the page’s identifiers behind one line, and shows them with the ignored ones and why', async () => {
    await act(async () => view.root.render(createElement(PageFacts, { tab: TAB })));
    await settle();
    expect(toggle().textContent).toBe('7 identifiers on this page (3 ignored) · show');
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    expect(list().hidden).toBe(true);

    await act(async () => toggle().click());
    expect(toggle().textContent).toBe('7 identifiers on this page (3 ignored) · hide');
    expect(list().hidden).toBe(false);
    expect(items()).toEqual([
      'Gmail thread 195198d4e5f0a3b2',
      'Email sam@northwind.example',
      'Email domain northwind.example',
      'Email tom@brightlane.agencyIgnored: a colleague: your agency’s domain',
      'Email domain brightlane.agencyIgnored: your agency’s own domain',
      'Email pat.home@gmail.com',
      'Email domain gmail.comIgnored: a free mail provider: anyone can have an address there',
    ]);
    // Page text is text.
    expect(view.host.querySelector('b')).toBeNull();
  });
});

describe('Link to client', () => {
  const client = (id: string, name: string, identifiers: { kind: string; value: string }[]) => ({ id, name, identifiers, stakeholders: [], preferences: [], sensitivities: [], archived: false });
  const withClients = {
    me: { id: 'm', name: 'Dana', email: 'dana@brightlane.agency', role: 'admin' },
    members: [],
    clients: [client('c-nw', 'Northwind Outfitters', [{ kind: 'email-domain', value: 'northwind.example' }]), client('c-jv', 'Juniper & Vale', [{ kind: 'google-ads-customer', value: '3185529047' }])],
    templates: [],
  } as unknown as Workspace;
  const searchField = () => [...view.host.querySelectorAll('input')].find((i) => i.type === 'search')!;
  const shownClients = () => [...view.host.querySelectorAll('ul[aria-label="Clients"] button')].map((b) => b.textContent);
  async function type(input: HTMLInputElement, value: string) {
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  it('finds the client to link by a domain or a customer id, as the panel’s search does', async () => {
    await act(async () => view.root.render(createElement(WorkspaceContext.Provider, { value: withClients }, createElement(LinkClientPicker, { tab: TAB, onClose: () => {} }))));
    await type(searchField(), '318-552-9047');
    expect(shownClients()).toEqual(['Juniper & Vale']);
    await type(searchField(), 'northwind.example');
    expect(shownClients()).toEqual(['Northwind Outfitters']);
    await type(searchField(), 'juniper');
    expect(shownClients()).toEqual(['Juniper & Vale']);
  });

  it('names what it links in friendly labels', async () => {
    const workspace = { me: { id: 'm', name: 'Dana', email: 'dana@brightlane.agency', role: 'admin' }, members: [], clients: [], templates: [] } as unknown as Workspace;
    await act(async () => view.root.render(createElement(WorkspaceContext.Provider, { value: workspace }, createElement(LinkClientPicker, { tab: TAB, onClose: () => {} }))));
    expect(view.host.textContent).toContain('Links Gmail thread 195198d4e5f0a3b2 · Email domain northwind.example');
  });
});
