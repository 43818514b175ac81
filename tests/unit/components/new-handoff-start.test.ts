// @vitest-environment happy-dom
// "Start handoff" on a page that suggests a template: the person's last template for the site (else the
// suggestion) starts at once, with "Change template" one click away. No JSX here: unit tests are .ts files.
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { AT, handoffOf, ME } from './handoff-fixture';
import { reactRootPerTest } from './react-root';
import { NavigationContext, type Navigation, type Route } from '../../../components/panel/navigation';
import { NewHandoffView } from '../../../components/panel/new-handoff-view';
import { rememberedTemplates, rememberTemplate } from '../../../components/panel/template-order';
import { WorkspaceContext, type Workspace } from '../../../components/panel/workspace';
import type { Handoff } from '../../../lib/model/handoff';
import type { Site } from '../../../lib/sites/types';
import { BUILT_IN_TEMPLATES } from '../../../lib/templates';

const CLIENT = { id: 'c-1', name: 'Northwind Outfitters', identifiers: [], createdAt: AT, updatedAt: AT };
const WORKSPACE = { me: ME, members: [ME], clients: [CLIENT], templates: [...BUILT_IN_TEMPLATES] } as unknown as Workspace;
const draftOf = (templateId: string): Handoff => handoffOf({ id: templateId, version: 1 }, { id: `h-${templateId}`, clientId: CLIENT.id });

type Message = { type: string; templateId?: string; id?: string };
const asked: Message[] = [];
const view = reactRootPerTest((message: Message) => {
  asked.push(message);
  if (message.type === 'handoff/start') return { ok: true, data: draftOf(message.templateId!) };
  if (message.type === 'handoff/cancel') return { ok: true, data: { ...draftOf('x'), state: 'cancelled' } };
  // Nothing is held for undo (the handoff view asks).
  if (message.type === 'pending/list') return { ok: true, data: [] };
  return { ok: true, data: null };
});

type NewHandoffRoute = Extract<Route, { view: 'new-handoff' }>;

async function open(route: NewHandoffRoute, site: Site | undefined): Promise<ReturnType<typeof vi.fn>> {
  asked.length = 0;
  const navigate = vi.fn();
  const navigation: Navigation = { navigate, back: () => {}, canGoBack: true, requestFocus: () => {}, takeFocusRequest: () => false };
  await act(async () =>
    view.root.render(
      createElement(NavigationContext.Provider, { value: navigation }, createElement(WorkspaceContext.Provider, { value: WORKSPACE }, createElement(NewHandoffView, { route, site }))),
    ),
  );
  await act(async () => await new Promise((resolve) => setTimeout(resolve, 0)));
  return navigate;
}
const started = () => asked.filter((m) => m.type === 'handoff/start').map((m) => m.templateId);

describe('starting a handoff where the page suggests a template', () => {
  it('starts the suggestion at once when the client is known, and remembers it for the site', async () => {
    const navigate = await open({ view: 'new-handoff', clientId: CLIENT.id, tabId: 3 }, 'gmail');
    expect(started()).toEqual(['sales-to-am']);
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ view: 'new-handoff', startedId: 'h-sales-to-am' }), { replace: true });
    expect(view.host.textContent).not.toContain('Choose a template');
    expect(await rememberedTemplates(ME.id)).toEqual({ gmail: 'sales-to-am' });
  });

  it('prefers the template the person last started on that site', async () => {
    await rememberTemplate(ME.id, 'gmail', 'brief-to-creative');
    await open({ view: 'new-handoff', clientId: CLIENT.id }, 'gmail');
    expect(started()).toEqual(['brief-to-creative']);
  });

  it('offers the picker when the client is not known yet, or the person asked to change the template', async () => {
    await open({ view: 'new-handoff' }, 'gmail');
    expect(started()).toEqual([]);
    expect(view.host.querySelector('h1')?.textContent).toBe('Choose a template');
    await open({ view: 'new-handoff', clientId: CLIENT.id, pick: true }, 'gmail');
    expect(started()).toEqual([]);
    expect(view.host.querySelector('h1')?.textContent).toBe('Choose a template');
  });

  it('"Change template" cancels the draft started for the person and shows the picker, whose pick is remembered', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(((message: Message) => {
      asked.push(message);
      if (message.type === 'handoff/get') return Promise.resolve({ ok: true, data: draftOf('sales-to-am') });
      if (message.type === 'handoff/start') return Promise.resolve({ ok: true, data: draftOf(message.templateId!) });
      if (message.type === 'pending/list') return Promise.resolve({ ok: true, data: [] });
      return Promise.resolve({ ok: true, data: { ...draftOf('sales-to-am'), state: 'cancelled' } });
    }) as never);
    const navigate = await open({ view: 'new-handoff', clientId: CLIENT.id, startedId: 'h-sales-to-am' }, 'gmail');
    expect(started()).toEqual([]);
    const change = [...view.host.querySelectorAll('button')].find((b) => b.textContent === 'Change template')!;
    await act(async () => change.click());
    expect(asked).toContainEqual(expect.objectContaining({ type: 'handoff/cancel', id: 'h-sales-to-am' }));
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ startedId: undefined, pick: true }), { replace: true });
  });
});
