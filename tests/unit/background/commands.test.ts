import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser, type Browser } from 'wxt/browser';
import { createBackground } from '../../../lib/background/start';
import type { Client } from '../../../lib/model/client';
import type { Handoff } from '../../../lib/model/handoff';
import type { Member } from '../../../lib/model/member';
import type { ClientView } from '../../../lib/db/queries';
import type { PageContext } from '../../../lib/sites/types';
import { COMPLETE_BRIEF } from '../helpers/handoffs';

const RUNTIME_ID = 'test-extension-id';
const ORIGIN = `chrome-extension://${RUNTIME_ID}/`;
const page = { id: RUNTIME_ID, url: `${ORIGIN}sidepanel.html` };
const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/195198d4e5f0a3b2';
const gmail: PageContext = {
  site: 'gmail',
  url: GMAIL_URL,
  accountEmail: 'jane@brightlane.agency',
  identifiers: [{ kind: 'email-domain', value: 'northwindoutfitters.com' }],
  thread: {
    id: 'thread-f:1828374650192837465',
    legacyId: '195198d4e5f0a3b2',
    subject: 'Re: Fwd: Northwind — Q3 launch',
    participants: [
      { email: 'maya@northwindoutfitters.com', name: 'Maya Okafor', role: 'from' },
      { email: 'jane@brightlane.agency', name: 'Jane Doe', role: 'to' },
      { email: 'sam@gmail.com', name: 'Sam', role: 'cc' },
    ],
    messageIds: ['#msg-f:1'],
  },
};

let n = 0;
let background: ReturnType<typeof createBackground>;
let router: ReturnType<typeof createBackground>['router'];

async function ok<T>(message: Record<string, unknown>): Promise<T> {
  const reply = await router.handle(message, page);
  if (!reply.ok) throw new Error(`${String(message.type)}: ${reply.problem.message}`);
  return reply.data as T;
}

/** Waits until a spy has not been called for 200 ms. */
async function quiet(spy: { mock: { calls: unknown[] } }): Promise<void> {
  for (let seen = -1; seen !== spy.mock.calls.length; ) {
    seen = spy.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeEach(() => {
  fakeBrowser.reset();
  background = createBackground({ runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN, dbName: `baton-commands-${n++}-${Date.now()}` });
  router = background.router;
});

describe('workspace commands', () => {
  it('start with a local workspace in which the user is the admin', async () => {
    const me = await ok<Member>({ type: 'me/get' });
    expect(me.role).toBe('admin');
    const updated = await ok<Member>({ type: 'me/update', name: 'Jane Doe', email: 'Jane@Brightlane.agency' });
    expect(updated).toMatchObject({ name: 'Jane Doe', email: 'jane@brightlane.agency' });
    const tom = await ok<Member>({ type: 'member/add', name: 'Tom Reyes', email: 'tom@brightlane.agency' });
    expect((await ok<Member[]>({ type: 'members/list' })).map((m) => m.name).sort()).toEqual(['Jane Doe', 'Tom Reyes']);
    expect(tom.role).toBe('member');
  });

  it('start a handoff from a Gmail tab, prefilled with the thread, and carry it to sent', async () => {
    await ok({ type: 'me/update', name: 'Jane Doe', email: 'jane@brightlane.agency' });
    await ok({ type: 'settings/save', settings: { ownDomains: ['brightlane.agency'] } });
    const tom = await ok<Member>({ type: 'member/add', name: 'Tom Reyes', email: 'tom@brightlane.agency' });
    const client = await ok<Client>({ type: 'clients/save', client: { name: 'Northwind Outfitters', identifiers: 'email-domain:northwindoutfitters.com' } });
    await router.handle({ type: 'page/context', context: gmail }, { id: RUNTIME_ID, url: GMAIL_URL, frameId: 0, tab: { id: 5, windowId: 0, active: true } as Browser.tabs.Tab });

    const draft = await ok<Handoff>({ type: 'handoff/start', clientId: client.id, templateId: 'sales-to-am', tabId: 5 });
    expect(draft).toMatchObject({ state: 'draft', title: 'Northwind — Q3 launch', sources: { gmailThread: { legacyId: '195198d4e5f0a3b2', url: GMAIL_URL } } });
    // The client's people, not the agency's, not the freelancer on free mail; no email bodies.
    expect(draft.fields.stakeholders).toEqual([{ name: 'Maya Okafor', role: '', email: 'maya@northwindoutfitters.com' }]);
    expect(draft.context.participants).toHaveLength(3);
    expect(JSON.stringify(draft)).not.toContain('msg-f');

    const incomplete = await router.handle({ type: 'handoff/send', id: draft.id }, page);
    expect(incomplete).toMatchObject({ ok: false, problem: { code: 'invalid', message: expect.stringContaining('Choose who receives') } });
    await ok({ type: 'handoff/update', id: draft.id, receiverId: tom.id, fields: { primary_goals: ['Grow online sales 20% by Q4'] } });
    const refused = await router.handle({ type: 'handoff/send', id: draft.id }, page);
    expect(refused).toMatchObject({ ok: false, problem: { message: expect.stringMatching(/^Not ready to send: .*Key objections/) } });
    const sent = await ok<Handoff>({ type: 'handoff/send', id: draft.id, overrideReason: 'Kick-off call is tomorrow; Tom will fill in the rest with me.' });
    expect(sent).toMatchObject({ state: 'sent', override: { missing: expect.arrayContaining(['objections', 'commitments']) } });
    expect((await ok<Handoff[]>({ type: 'handoffs/sent-by-me' })).map((h) => h.id)).toEqual([draft.id]);

    const view = await ok<ClientView>({ type: 'client/view', clientId: client.id });
    expect(view.openHandoffs.map((h) => h.id)).toEqual([draft.id]);
    expect(view.timeline.map((t) => t.type)).toEqual(['handoff.sent', 'handoff.created', 'client.created']);
  });

  it('answer a second start of the same template for the same client with the one already open, unless asked to start anyway', async () => {
    const client = await ok<Client>({ type: 'clients/save', client: { name: 'Northwind Outfitters', identifiers: '' } });
    const other = await ok<Client>({ type: 'clients/save', client: { name: 'Globex', identifiers: '' } });
    const first = await ok<Handoff>({ type: 'handoff/start', clientId: client.id, templateId: 'sales-to-am' });
    const { db } = await background.workspace.session();
    const before = await db.count('events');

    expect(await ok({ type: 'handoff/start', clientId: client.id, templateId: 'sales-to-am' })).toEqual({ duplicate: expect.objectContaining({ id: first.id, state: 'draft' }) });
    expect(await db.count('events')).toBe(before);
    // Another template, or another client, is no duplicate.
    expect(await ok<Handoff>({ type: 'handoff/start', clientId: client.id, templateId: 'brief-to-creative' })).toMatchObject({ state: 'draft', templateId: 'brief-to-creative' });
    expect(await ok<Handoff>({ type: 'handoff/start', clientId: other.id, templateId: 'sales-to-am' })).toMatchObject({ state: 'draft', clientId: other.id });
    const second = await ok<Handoff>({ type: 'handoff/start', clientId: client.id, templateId: 'sales-to-am', startAnyway: true });
    expect(second).toMatchObject({ state: 'draft', clientId: client.id });
    expect(second.id).not.toBe(first.id);
    // Once the open one is cancelled, starting is plain again.
    await ok({ type: 'handoff/cancel', id: first.id, reason: 'Duplicate' });
    await ok({ type: 'handoff/cancel', id: second.id, reason: 'Duplicate' });
    expect(await ok<Handoff>({ type: 'handoff/start', clientId: client.id, templateId: 'sales-to-am' })).toMatchObject({ state: 'draft' });
  });

  it('send a draft with its last edits in one message: both events in one transaction, or neither', async () => {
    const tom = await ok<Member>({ type: 'member/add', name: 'Tom Reyes', email: 'tom@brightlane.agency' });
    const client = await ok<Client>({ type: 'clients/save', client: { name: 'Northwind Outfitters', identifiers: '' } });
    const draft = await ok<Handoff>({ type: 'handoff/start', clientId: client.id, templateId: 'sales-to-am' });
    const { db } = await background.workspace.session();
    const logged = async () => (await db.getAll('events')).map((r) => r.event.type);
    const before = await logged();

    // Edits the autosave has not written yet, and a send the reducer refuses (no reason for what is
    // missing): neither the edits nor the send are written.
    const refused = await router.handle({ type: 'handoff/send', id: draft.id, draft: { title: 'Q3 launch', receiverId: tom.id, fields: { primary_goals: ['Grow online sales 20% by Q4'] } } }, page);
    expect(refused).toMatchObject({ ok: false, problem: { message: expect.stringMatching(/^Not ready to send: /) } });
    expect(await logged()).toEqual(before);
    expect(await ok<Handoff>({ type: 'handoff/get', id: draft.id })).toMatchObject({ state: 'draft', title: draft.title });

    const sent = await ok<Handoff>({
      type: 'handoff/send',
      id: draft.id,
      draft: { title: 'Q3 launch', receiverId: tom.id, fields: { primary_goals: ['Grow online sales 20% by Q4'] } },
      overrideReason: 'Kick-off call is tomorrow; Tom will fill in the rest with me.',
    });
    // The reply is the sent handoff with the edits that travelled with it.
    expect(sent).toMatchObject({ state: 'sent', title: 'Q3 launch', receiverId: tom.id, fields: { primary_goals: ['Grow online sales 20% by Q4'] } });
    expect(await logged()).toEqual([...before, 'handoff.updated', 'handoff.sent']);
    expect(await db.count('outbox')).toBe((await logged()).length);
  });

  it('autosave a draft without a sync round or a prompt push; a send starts both', async () => {
    const syncRounds = vi.spyOn(background.sync, 'request');
    // A prompt push starts by looking for Gmail and Asana tabs.
    const tabQueries = vi.spyOn(browser.tabs, 'query');
    const tom = await ok<Member>({ type: 'member/add', name: 'Tom Reyes', email: 'tom@brightlane.agency' });
    const client = await ok<Client>({ type: 'clients/save', client: { name: 'Northwind Outfitters', identifiers: '' } });
    const draft = await ok<Handoff>({ type: 'handoff/start', clientId: client.id, templateId: 'brief-to-creative' });
    // Those changes pushed prompts after their replies (and so may an earlier test's): let every push
    // land, then count afresh.
    await vi.waitFor(() => expect(tabQueries.mock.calls.length).toBeGreaterThanOrEqual(3));
    await quiet(tabQueries);
    syncRounds.mockClear();
    tabQueries.mockClear();
    for (const title of ['Autumn', 'Autumn brief', 'Autumn brief v2']) await ok({ type: 'handoff/update', id: draft.id, title, receiverId: tom.id, fields: COMPLETE_BRIEF });
    // Time for a push to show, had one been started.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(syncRounds).not.toHaveBeenCalled();
    expect(tabQueries).not.toHaveBeenCalled();
    await ok({ type: 'handoff/send', id: draft.id });
    expect(syncRounds).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(tabQueries).toHaveBeenCalled());
  });

  it('fills a captured handoff from the page as it was at the click, even after the tab moved on', async () => {
    const client = await ok<Client>({ type: 'clients/save', client: { name: 'Northwind Outfitters', identifiers: 'email-domain:northwindoutfitters.com' } });
    const tab = { id: RUNTIME_ID, url: GMAIL_URL, frameId: 0, tab: { id: 5, windowId: 0, active: true } as Browser.tabs.Tab };
    await router.handle({ type: 'page/context', context: gmail }, tab);
    // The person opens another conversation before picking a template.
    const other: PageContext = { ...gmail, url: 'https://mail.google.com/mail/u/0/#inbox/195198d4e5f0a3c3', thread: { ...gmail.thread!, legacyId: '195198d4e5f0a3c3', subject: 'Lunch on Friday?' } };
    await router.handle({ type: 'page/context', context: other }, { ...tab, url: other.url });
    const draft = await ok<Handoff>({ type: 'handoff/start', clientId: client.id, templateId: 'sales-to-am', page: gmail });
    expect(draft).toMatchObject({ title: 'Northwind — Q3 launch', sources: { gmailThread: { legacyId: '195198d4e5f0a3b2' } } });
  });

  it('add notes and failures to the client’s history, and refuse them for unknown clients', async () => {
    const client = await ok<Client>({ type: 'clients/save', client: { name: 'Harbor & Pine', identifiers: '' } });
    await ok({ type: 'note/add', clientId: client.id, note: { kind: 'decision', decision: 'Pause TikTok', rationale: 'CPA doubled in two weeks.', consideredAndRejected: 'Cutting bids' } });
    await ok({ type: 'note/add', clientId: client.id, note: { kind: 'commitment', commitment: 'ROAS 4.0', validated: false } });
    await ok({ type: 'failure/log', clientId: client.id, category: 'wrong_expectations', hours: 6, description: 'ROAS promised from benchmarks' });
    const view = await ok<ClientView>({ type: 'client/view', clientId: client.id });
    expect(view.timeline.map((t) => t.summary)).toEqual([
      'Failure (wrong expectations, 6 h): ROAS promised from benchmarks',
      'Commitment (not validated): ROAS 4.0',
      'Decision: Pause TikTok',
      expect.stringContaining('added the client'),
    ]);
    // The rationale travels with the view, for the history to show under its decision.
    expect(view.notes.find((n) => n.kind === 'decision')).toMatchObject({ decision: 'Pause TikTok', rationale: 'CPA doubled in two weeks.', consideredAndRejected: 'Cutting bids' });
    const missingRationale = await router.handle({ type: 'note/add', clientId: client.id, note: { kind: 'decision', decision: 'x', rationale: '' } }, page);
    expect(missingRationale).toMatchObject({ ok: false, problem: { code: 'bad-request' } });
    const unknown = await router.handle({ type: 'failure/log', clientId: 'nope', category: 'other', hours: 1, description: 'x' }, page);
    expect(unknown).toMatchObject({ ok: false, problem: { message: 'Unknown client.' } });
  });

  it('add open items to a client, owned by one person, and let only the owner or an admin close them', async () => {
    const me = await ok<Member>({ type: 'me/update', name: 'Jane Doe', email: 'jane@brightlane.agency' });
    const client = await ok<Client>({ type: 'clients/save', client: { name: 'Harbor & Pine', identifiers: '' } });
    const { id } = await ok<{ id: string }>({ type: 'item/add', clientId: client.id, text: 'Send the Q3 media plan', ownerEmail: me.email, due: '2026-12-01' });
    await ok({ type: 'item/add', clientId: client.id, text: 'Book the creative review' });
    let view = await ok<ClientView>({ type: 'client/view', clientId: client.id });
    expect(view.openItems.map((i) => [i.text, i.ownerEmail, i.due]).sort()).toEqual([
      ['Book the creative review', '', ''],
      ['Send the Q3 media plan', 'jane@brightlane.agency', '2026-12-01'],
    ]);
    await ok({ type: 'item/complete', id });
    view = await ok<ClientView>({ type: 'client/view', clientId: client.id });
    expect(view.openItems.map((i) => i.text)).toEqual(['Book the creative review']);
    expect(view.timeline[0]?.summary).toBe('Jane Doe closed: Send the Q3 media plan');
    expect(await router.handle({ type: 'item/complete', id }, page)).toMatchObject({ ok: false, problem: { message: 'That item is already done.' } });
    expect(await router.handle({ type: 'item/add', clientId: 'nope', text: 'x' }, page)).toMatchObject({ ok: false, problem: { message: 'Unknown client.' } });
  });

  it('link a page’s identifiers to a client, and archive a client so it is no longer recognised', async () => {
    const client = await ok<Client>({ type: 'clients/save', client: { name: 'Northwind Outfitters', identifiers: '' } });
    await ok({ type: 'client/link', clientId: client.id, identifiers: [{ kind: 'gmail-thread', value: '195198d4e5f0a3b2' }] });
    const sender = { id: RUNTIME_ID, url: GMAIL_URL, frameId: 0, tab: { id: 6, windowId: 0, active: true } as Browser.tabs.Tab };
    const matched = await router.handle({ type: 'page/context', context: { ...gmail, identifiers: [{ kind: 'gmail-thread', value: '195198d4e5f0a3b2' }] } }, sender);
    expect(matched).toMatchObject({ ok: true, data: { match: { status: 'matched' } } });
    await ok({ type: 'clients/archive', id: client.id });
    expect(await ok<Client[]>({ type: 'clients/list' })).toEqual([]);
    const after = await router.handle({ type: 'page/context', context: { ...gmail, identifiers: [{ kind: 'gmail-thread', value: '195198d4e5f0a3b2' }] } }, sender);
    expect(after).toMatchObject({ ok: true, data: { match: { status: 'none' } } });
  });

  it('create a client from the page in one step: linked and recognised, never with the agency’s own or a free-mail domain', async () => {
    await ok({ type: 'settings/save', settings: { ownDomains: ['brightlane.agency'] } });
    const identifiers = [
      { kind: 'gmail-thread', value: '195198d4e5f0a3b2' },
      { kind: 'email-domain', value: 'northwindoutfitters.com' },
      { kind: 'email-domain', value: 'brightlane.agency' },
      { kind: 'email-domain', value: 'gmail.com' },
      { kind: 'email', value: 'sam@gmail.com' },
    ];
    const client = await ok<Client>({ type: 'client/create-from-page', name: '  Northwind Outfitters ', identifiers });
    expect(client.name).toBe('Northwind Outfitters');
    expect(client.identifiers).toEqual([
      { kind: 'gmail-thread', value: '195198d4e5f0a3b2' },
      { kind: 'email-domain', value: 'northwindoutfitters.com' },
    ]);
    const sender = { id: RUNTIME_ID, url: GMAIL_URL, frameId: 0, tab: { id: 7, windowId: 0, active: true } as Browser.tabs.Tab };
    const matched = await router.handle({ type: 'page/context', context: gmail }, sender);
    expect(matched).toMatchObject({ ok: true, data: { match: { status: 'matched', client: { id: client.id } } } });
    // A name is required; without identifiers the client is simply made by name.
    expect(await router.handle({ type: 'client/create-from-page', name: '   ', identifiers: [] }, page)).toMatchObject({ ok: false, problem: { message: 'A client needs a name.' } });
    expect((await ok<Client>({ type: 'client/create-from-page', name: 'Harbor & Pine', identifiers: [] })).identifiers).toEqual([]);
    // The name's limit counts characters, as the form does (200 emoji are 200 characters); a page's NUL is dropped, not stored.
    const emoji = '🌲'.repeat(200);
    expect((await ok<Client>({ type: 'client/create-from-page', name: `${emoji}\u0000`, identifiers: [] })).name).toBe(emoji);
  });
});
