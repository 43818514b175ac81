// @vitest-environment happy-dom
// "Create client <name the page suggests>" where the person stands: on an unmatched page, and in the
// capture flow's client choice when there is no client to choose. No JSX here: unit tests are .ts files.
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { NewHandoffView } from '../../../components/panel/new-handoff-view';
import { UnmatchedView } from '../../../components/panel/unmatched-view';
import { WorkspaceContext, type Workspace } from '../../../components/panel/workspace';
import type { TabState } from '../../../lib/messaging/protocol';
import { reactRootPerTest } from './react-root';
import { THREAD_TAB } from './thread-tab';

type Message = { type: string; [field: string]: unknown };
const sent: Message[] = [];
beforeEach(() => {
  sent.length = 0;
});
const view = reactRootPerTest((message: Message) => {
  sent.push(message);
  if (message.type === 'client/create-from-page') return { ok: true, data: { id: 'c-new', name: message.name, identifiers: message.identifiers } };
  if (message.type === 'panel/state') return { ok: true, data: THREAD_TAB };
  if (message.type === 'settings/get') return { ok: true, data: { ownDomains: [] } };
  return { ok: true, data: null };
});

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
const buttons = () => [...view.host.querySelectorAll('button')].map((b) => b.textContent);
const nameField = () => [...view.host.querySelectorAll('label')].find((l) => l.textContent?.startsWith('Client name'))?.querySelector('input');
const submit = async () => {
  await act(async () => nameField()!.form!.requestSubmit());
  await settle();
};
/** Types into a React-controlled input as a person does (the native setter, then an input event). */
async function type(input: HTMLInputElement, value: string) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** A second unmatched thread, from another company. */
const HARBOR_TAB: TabState = {
  ...THREAD_TAB,
  context: {
    ...THREAD_TAB.context,
    url: 'https://mail.google.com/mail/u/0/#inbox/19a0c2d4e6f80011',
    thread: { id: 'thread-f:2', legacyId: '19a0c2d4e6f80011', subject: 'Harbor & Pine: spring launch', participants: [{ email: 'lee@harborpine.com', name: 'Lee Harbor', role: 'from' }], messageIds: [] },
    account: { id: '2', name: 'Harbor & Pine' },
  },
  linkable: [
    { kind: 'gmail-thread', value: '19a0c2d4e6f80011' },
    { kind: 'email-domain', value: 'harborpine.com' },
  ],
};

describe('on a page no client owns', () => {
  const render = (tab: TabState) => act(async () => view.root.render(createElement(UnmatchedView, { tab })));

  it('offers "Create client Northwind Outfitters" beside "Link to client", the name editable in place', async () => {
    await render(THREAD_TAB);
    expect(buttons()).toEqual(['Create client Northwind Outfitters', 'Link to client']);
    await type(nameField()!, 'Northwind');
    expect(buttons()[0]).toBe('Create client Northwind');
    await submit();
    expect(sent.filter((m) => m.type === 'client/create-from-page')).toEqual([{ type: 'client/create-from-page', name: 'Northwind', identifiers: THREAD_TAB.linkable }]);
  });

  it('names and links the page now open: moving to another thread starts the form afresh', async () => {
    await render(THREAD_TAB);
    expect(nameField()!.value).toBe('Northwind Outfitters');
    await render(HARBOR_TAB);
    expect(nameField()!.value).toBe('Harbor & Pine');
    await submit();
    expect(sent.filter((m) => m.type === 'client/create-from-page')).toEqual([{ type: 'client/create-from-page', name: 'Harbor & Pine', identifiers: HARBOR_TAB.linkable }]);
  });

  it('takes 200 characters of a name, emoji counting once and never cut in half', async () => {
    await render(THREAD_TAB);
    await type(nameField()!, '🌲'.repeat(250));
    expect(Array.from(nameField()!.value)).toEqual(Array.from('🌲'.repeat(200)));
  });

  it('keeps only "Link to client" where the page fits two clients, or names none', async () => {
    await render({ ...THREAD_TAB, match: { status: 'ambiguous', tied: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }], decidedBy: [], runnersUp: [] } });
    expect(buttons()).toEqual(['Link to client']);
    await render({ ...THREAD_TAB, linkable: [] });
    expect(buttons()).toEqual(['Link to client']);
  });

  it('shows a hostile page’s text as text, never as markup, and clips it whole', async () => {
    const subject = `<script>alert(1)</script>\u0000 ${'x'.repeat(1_000_000)} 😀`;
    await render({ ...THREAD_TAB, linkable: [{ kind: 'gmail-thread', value: '1' }], context: { ...THREAD_TAB.context, account: { id: '1', name: subject } } });
    expect(view.host.querySelector('script')).toBeNull();
    expect(nameField()!.value.startsWith('<script>')).toBe(true);
    expect(Array.from(nameField()!.value)).toHaveLength(200);
  });
});

describe('choosing the client of a new handoff', () => {
  const workspace = (clients: Workspace['clients']): Workspace => ({ me: { id: 'm', name: 'Jane', email: 'j@b.agency', role: 'admin' }, members: [], clients, templates: [] });
  const render = (clients: Workspace['clients']) =>
    act(async () =>
      view.root.render(createElement(WorkspaceContext.Provider, { value: workspace(clients) }, createElement(NewHandoffView, { route: { view: 'new-handoff' }, site: 'gmail' }))),
    );

  it('with no client yet, creates one from the page instead of a dead end, and picks it', async () => {
    // The panel follows the Gmail tab (panel/state answers THREAD_TAB).
    vi.spyOn(browser.windows, 'getCurrent').mockResolvedValue({ id: 1 } as never);
    vi.spyOn(browser.tabs, 'getCurrent').mockResolvedValue(undefined as never);
    await render([]);
    await settle();
    expect(view.host.textContent).toContain('No clients yet');
    await submit();
    expect(sent.filter((m) => m.type === 'client/create-from-page')).toEqual([{ type: 'client/create-from-page', name: 'Northwind Outfitters', identifiers: THREAD_TAB.linkable }]);
    // The list reloads with the new client (the change feed): it is the one chosen.
    await render([{ id: 'c-new', name: 'Northwind Outfitters', identifiers: [], archived: false } as unknown as Workspace['clients'][number]]);
    expect(view.host.querySelector('select')?.value).toBe('c-new');
  });
});
