// Conventions that keep commands defined once: each request type has exactly one definition with a
// schema and a handler; reads never append events; content scripts reach only what is marked for them.
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { commandDefinitions } from '../../../lib/background/commands/registry';
import type { Backup } from '../../../lib/messaging/protocol';
import type { Client } from '../../../lib/model/client';
import type { Handoff } from '../../../lib/model/handoff';
import { z } from '../../../lib/model/zod';
import { contentScriptSender, newTestBackground, stubSidePanel, type TestBackground } from '../helpers/background';

const COMMANDS_DIR = join(import.meta.dirname, '../../../lib/background/commands');
const definitions = commandDefinitions();

/** Request types named in the command sources: `type: 'x/y'` in a definition, or a factory's first argument. */
function typesInSources(): string[] {
  const found: string[] = [];
  for (const file of readdirSync(COMMANDS_DIR).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(join(COMMANDS_DIR, file), 'utf8');
    for (const m of source.matchAll(/\btype: '([a-z-]+\/[a-z-]+)'|Command\('([a-z-]+\/[a-z-]+)'/g)) found.push(m[1] ?? m[2]!);
  }
  return found;
}

describe('the command registry', () => {
  it('holds exactly one definition per request type, each with a schema, callers, a kind and a handler', () => {
    const types = definitions.map((d) => d.type);
    expect(new Set(types).size).toBe(types.length);
    // A definition written but not registered (or registered twice) shows here.
    expect(typesInSources().sort()).toEqual([...types].sort());
    for (const d of definitions) {
      expect(d.type, d.type).toMatch(/^[a-z-]+\/[a-z-]+$/);
      expect(d.schema, d.type).toBeInstanceOf(z.ZodType);
      expect(typeof d.handle, d.type).toBe('function');
      expect(d.from.length, d.type).toBeGreaterThan(0);
      expect(['read', 'write'], d.type).toContain(d.kind);
      // Sharing and prompt pushes follow changes to the log only.
      if (d.kind === 'read') expect(d.effects.filter((e) => e === 'sync' || e === 'restart-sync'), d.type).toEqual([]);
    }
  });

  it('lets content scripts call only the commands marked for them', async () => {
    fakeBrowser.reset();
    const bg = newTestBackground();
    const forContentScripts = definitions.filter((d) => d.from.includes('content-script')).map((d) => d.type);
    // Deliberately pinned: a web page's script reaching a new command is a decision, not a side effect.
    expect(forContentScripts.sort()).toEqual(['capture/start', 'page/context', 'prompt/open', 'prompt/snooze', 'prompts/get']);
    for (const d of definitions.filter((d) => !d.from.includes('content-script'))) {
      expect(await bg.send({ type: d.type }, contentScriptSender(4)), d.type).toMatchObject({ ok: false, problem: { code: 'forbidden' } });
    }
    for (const d of definitions.filter((d) => !d.from.includes('extension-page'))) {
      expect(await bg.send({ type: d.type }), d.type).toMatchObject({ ok: false, problem: { code: 'forbidden' } });
    }
  });
});

/** A hub that answers only what anyone may ask it (GET /v1/hub), for the `hub/info` sample. */
const HUB_SAMPLE = 'https://hub.brightlane.example';
function stubHubInfo(): void {
  const real = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) =>
    String(input) === `${HUB_SAMPLE}/v1/hub` ? Response.json({ name: 'Brightlane', version: '1', signIn: null }) : real(input, init),
  );
}

/** A valid request for every read command, against the demo agency; a new read command needs one here. */
async function readSamples(bg: TestBackground): Promise<Record<string, { message: Record<string, unknown>; fromTab?: boolean }>> {
  const clients = await bg.ok<Client[]>({ type: 'clients/list' });
  const awaiting = await bg.ok<Handoff[]>({ type: 'handoffs/awaiting-me' });
  const client = clients[0]!;
  const handoff = awaiting[0]!;
  const context = { site: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/195198d4e5f0a3b2', identifiers: [{ kind: 'email-domain', value: 'northwindoutfitters.com' }] };
  return {
    'page/context': { message: { type: 'page/context', context }, fromTab: true },
    'panel/state': { message: { type: 'panel/state', windowId: 1 } },
    'page/selection': { message: { type: 'page/selection', windowId: 1, include: true } },
    'panel/intent': { message: { type: 'panel/intent', windowId: 1, intent: { kind: 'client', clientId: client.id } } },
    'capture/start': { message: { type: 'capture/start', selectedText: 'Budget is fixed.' }, fromTab: true },
    'prompts/get': { message: { type: 'prompts/get' }, fromTab: true },
    'prompt/open': { message: { type: 'prompt/open', handoffId: handoff.id }, fromTab: true },
    'prompt/snooze': { message: { type: 'prompt/snooze', handoffId: handoff.id, minutes: 60 }, fromTab: true },
    'clients/list': { message: { type: 'clients/list' } },
    'client/view': { message: { type: 'client/view', clientId: client.id } },
    'settings/get': { message: { type: 'settings/get' } },
    'members/list': { message: { type: 'members/list' } },
    'me/get': { message: { type: 'me/get' } },
    'me/suggestion': { message: { type: 'me/suggestion' } },
    'handoff/get': { message: { type: 'handoff/get', id: handoff.id } },
    'handoffs/awaiting-me': { message: { type: 'handoffs/awaiting-me' } },
    'handoffs/sent-by-me': { message: { type: 'handoffs/sent-by-me' } },
    'handoffs/waiting-on-answers': { message: { type: 'handoffs/waiting-on-answers' } },
    'pending/list': { message: { type: 'pending/list' } },
    'templates/list': { message: { type: 'templates/list' } },
    'reminders/get': { message: { type: 'reminders/get' } },
    'cost/get': { message: { type: 'cost/get' } },
    'metrics/refresh': { message: { type: 'metrics/refresh' } },
    'data/export': { message: { type: 'data/export' } },
    'demo/removal-preview': { message: { type: 'demo/removal-preview' } },
    'hub/status': { message: { type: 'hub/status' } },
    'hub/info': { message: { type: 'hub/info', url: HUB_SAMPLE } },
    'hub/join-requests': { message: { type: 'hub/join-requests' } },
    'invite/list': { message: { type: 'invite/list' } },
    'member/open-handoffs': { message: { type: 'member/open-handoffs', id: handoff.receiverId } },
    'handoffs/headlines': { message: { type: 'handoffs/headlines' } },
    'client/handoff-facts-offer': { message: { type: 'client/handoff-facts-offer', handoffId: handoff.id } },
    'slack/get': { message: { type: 'slack/get' } },
    'handoffs/watching': { message: { type: 'handoffs/watching' } },
    'notify/get': { message: { type: 'notify/get' } },
    'rules/list': { message: { type: 'rules/list' } },
    'asana/status': { message: { type: 'asana/status' } },
    'team/roles': { message: { type: 'team/roles' } },
  };
}

describe('read commands', () => {
  beforeEach(() => fakeBrowser.reset());

  it('never append an event, and every one of them is tried', { timeout: 30_000 }, async () => {
    stubSidePanel();
    const bg = newTestBackground();
    await bg.ok({ type: 'demo/load' });
    const { db } = await bg.workspace.session();
    const samples = await readSamples(bg);
    stubHubInfo();
    const reads = definitions.filter((d) => d.kind === 'read').map((d) => d.type);
    expect(Object.keys(samples).sort()).toEqual([...reads].sort());
    const before = { events: await db.count('events'), outbox: await db.count('outbox') };
    expect(before.events).toBeGreaterThan(50);
    for (const type of reads) {
      const { message, fromTab } = samples[type]!;
      const reply = await bg.send(message, fromTab ? contentScriptSender(4) : undefined);
      expect(reply, type).toMatchObject({ ok: true });
      expect({ events: await db.count('events'), outbox: await db.count('outbox') }, type).toEqual(before);
    }
    // The export read the log it did not change.
    expect((await bg.ok<Backup>({ type: 'data/export' })).events).toHaveLength(before.events);
  });
});
