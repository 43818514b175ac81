import 'fake-indexeddb/auto';
import { expect, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { createBackground } from '../../../lib/background/start';
import { appendEvent } from '../../../lib/db/event-store';
import { makeEvent } from '../../../lib/events/make-event';
import type { Client } from '../../../lib/model/client';
import type { Handoff } from '../../../lib/model/handoff';
import type { Member } from '../../../lib/model/member';
import type { Result } from '../../../lib/messaging/protocol';
import { COMPLETE_BRIEF } from './handoffs';
import { OPTIONS_PAGE, ORIGIN, RUNTIME_ID } from './extension';

export const GMAIL_THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/195198d4e5f0a3b2';

/** A content script's sender: the top frame of a served tab. */
export function contentScriptSender(tabId: number, windowId = 1, url = GMAIL_THREAD_URL): Browser.runtime.MessageSender {
  return { id: RUNTIME_ID, url, frameId: 0, tab: { id: tabId, windowId, active: true, index: 0, highlighted: false, incognito: false, pinned: false, discarded: false, autoDiscardable: true, frozen: false, groupId: -1 } as Browser.tabs.Tab };
}

let n = 0;

/** A background as the service worker builds it, on a fresh database, with helpers to talk to it. */
export function newTestBackground(dbName = `baton-test-${n++}-${Date.now()}`) {
  const background = createBackground({ runtimeId: RUNTIME_ID, extensionOrigin: ORIGIN, dbName });
  const send = (message: Record<string, unknown>, sender: Browser.runtime.MessageSender = OPTIONS_PAGE): Promise<Result<unknown>> => background.router.handle(message, sender);
  /** Sends and expects success: the data. */
  async function ok<T>(message: Record<string, unknown>, sender?: Browser.runtime.MessageSender): Promise<T> {
    const reply = await send(message, sender);
    if (!reply.ok) throw new Error(`${String(message.type)}: ${reply.problem.message}`);
    return reply.data as T;
  }
  /** Sends and expects a refusal: the error message. */
  async function refused(message: Record<string, unknown>, sender?: Browser.runtime.MessageSender): Promise<{ code: string; message: string }> {
    const reply = await send(message, sender);
    expect(reply.ok, `${String(message.type)} should be refused`).toBe(false);
    return (reply as Extract<Result<unknown>, { ok: false }>).problem;
  }
  return { ...background, dbName, send, ok, refused };
}
export type TestBackground = ReturnType<typeof newTestBackground>;

/** Stubs the side panel API the fake browser lacks; the returned mock records each open(). */
export function stubSidePanel(result: 'opens' | 'refuses' = 'opens') {
  const open = vi.fn((_options: { windowId?: number; tabId?: number }) =>
    result === 'opens' ? Promise.resolve() : Promise.reject(new Error('sidePanel.open() may only be called in response to a user gesture.')),
  );
  (browser as unknown as { sidePanel?: unknown }).sidePanel = { open, setPanelBehavior: vi.fn(() => Promise.resolve()) };
  return open;
}

export function removeSidePanel(): void {
  delete (browser as unknown as { sidePanel?: unknown }).sidePanel;
}

/**
 * A colleague (added by me, the admin) hands me a complete brief → creative for a new client, as if
 * it arrived from the hub: the events are theirs, not mine.
 */
export async function handoffFromColleague(bg: TestBackground, options: { colleague?: Member; clientName?: string; dueBy?: string; receiver?: Member } = {}): Promise<{ handoff: Handoff; colleague: Member; client: Client; me: Member }> {
  const me = await bg.ok<Member>({ type: 'me/get' });
  const members = await bg.ok<Member[]>({ type: 'members/list' });
  const colleague = options.colleague ?? members.find((m) => m.email === 'tom@brightlane.agency') ?? (await bg.ok<Member>({ type: 'member/add', name: 'Tom Reyes', email: 'tom@brightlane.agency' }));
  const client = await bg.ok<Client>({ type: 'clients/save', client: { name: options.clientName ?? 'Northwind Outfitters', identifiers: '' } });
  const { db } = await bg.workspace.session();
  const id = `h-${client.id}`;
  const receiverId = (options.receiver ?? me).id;
  for (const event of [
    makeEvent('handoff.created', colleague.id, id, { clientId: client.id, templateId: 'brief-to-creative', templateVersion: 1, title: `${client.name} autumn brief`, receiverId, fields: COMPLETE_BRIEF }),
    makeEvent('handoff.sent', colleague.id, id, options.dueBy ? { dueBy: options.dueBy } : {}),
  ]) {
    const result = await appendEvent(db, event);
    if (!result.ok) throw new Error(result.problem.message);
  }
  const handoff = await bg.ok<Handoff>({ type: 'handoff/get', id });
  return { handoff, colleague, client, me };
}

/** Makes me a plain member (another admin is added first: a workspace keeps one). */
export async function demoteMe(bg: TestBackground): Promise<void> {
  const me = await bg.ok<Member>({ type: 'me/get' });
  const ada = await bg.ok<Member>({ type: 'member/add', name: 'Ada Admin', email: 'ada@brightlane.agency', role: 'admin' });
  const result = await appendEvent((await bg.workspace.session()).db, makeEvent('member.updated', ada.id, me.id, { role: 'member' }));
  if (!result.ok) throw new Error(result.problem.message);
  await bg.workspace.refresh();
}
