import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { promptItems } from '../../../lib/background/prompts';
import type { PromptItem } from '../../../lib/messaging/protocol';
import { contentScriptSender, handoffFromColleague, newTestBackground, type TestBackground } from '../helpers/background';

let bg: TestBackground;
beforeEach(() => {
  fakeBrowser.reset();
  bg = newTestBackground();
});

const gmail = contentScriptSender(5);

describe('in-page prompts', () => {
  it('list what awaits me, in words: sender, client, template, overdue', async () => {
    expect(await bg.ok<PromptItem[]>({ type: 'prompts/get' }, gmail)).toEqual([]);
    const { handoff } = await handoffFromColleague(bg, { dueBy: '2020-01-01T09:00:00.000Z' });
    const { handoff: later } = await handoffFromColleague(bg, { clientName: 'Harbor & Pine', dueBy: '2999-01-01T09:00:00.000Z' });
    expect(await bg.ok<PromptItem[]>({ type: 'prompts/get' }, gmail)).toEqual([
      { handoffId: handoff.id, senderName: 'Tom Reyes', clientName: 'Northwind Outfitters', templateName: 'Brief → creative', overdue: true },
      { handoffId: later.id, senderName: 'Tom Reyes', clientName: 'Harbor & Pine', templateName: 'Brief → creative', overdue: false },
    ]);
  });

  it('leave out handoffs I sent or that await someone else', async () => {
    const { colleague } = await handoffFromColleague(bg);
    const sam = await bg.ok<{ id: string; name: string; email: string; role: 'member' }>({ type: 'member/add', name: 'Sam Lee', email: 'sam@brightlane.agency' });
    await handoffFromColleague(bg, { colleague, clientName: 'Harbor & Pine', receiver: sam });
    expect((await bg.ok<PromptItem[]>({ type: 'prompts/get' }, gmail)).map((p) => p.clientName)).toEqual(['Northwind Outfitters']);
  });

  it('hide a snoozed handoff, also after the worker restarts, and drop a confirmed one', async () => {
    const { handoff } = await handoffFromColleague(bg);
    const { handoff: other } = await handoffFromColleague(bg, { clientName: 'Harbor & Pine' });
    const remaining = await bg.ok<PromptItem[]>({ type: 'prompt/snooze', handoffId: handoff.id, minutes: 60 }, gmail);
    expect(remaining.map((p) => p.handoffId)).toEqual([other.id]);
    const restarted = newTestBackground(bg.dbName);
    expect((await restarted.ok<PromptItem[]>({ type: 'prompts/get' }, gmail)).map((p) => p.handoffId)).toEqual([other.id]);
    await restarted.ok({ type: 'handoff/confirm', id: other.id });
    expect(await restarted.ok<PromptItem[]>({ type: 'prompts/get' }, gmail)).toEqual([]);
  });

  it('bring a snoozed handoff back once the snooze is over', async () => {
    const { handoff } = await handoffFromColleague(bg);
    await bg.ok({ type: 'prompt/snooze', handoffId: handoff.id, minutes: 1 }, gmail);
    expect(await bg.ok<PromptItem[]>({ type: 'prompts/get' }, gmail)).toEqual([]);
    const inTwoMinutes = new Date(Date.now() + 120_000);
    expect((await promptItems(await bg.workspace.session(), inTwoMinutes)).map((p) => p.handoffId)).toEqual([handoff.id]);
  });
});
