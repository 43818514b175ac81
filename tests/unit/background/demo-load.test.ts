import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Client } from '../../../lib/model/client';
import type { PromptItem } from '../../../lib/messaging/protocol';
import { contentScriptSender, newTestBackground } from '../helpers/background';

beforeEach(() => fakeBrowser.reset());

describe('the demo agency', () => {
  it('loads into a fresh local workspace through the restore checks, once, with handoffs awaiting me', async () => {
    const bg = newTestBackground();
    const loaded = await bg.ok<{ added: number; skipped: number }>({ type: 'demo/load' });
    expect(loaded.added).toBeGreaterThan(50);
    expect((await bg.ok<Client[]>({ type: 'clients/list' })).length).toBeGreaterThanOrEqual(10);
    const prompts = await bg.ok<PromptItem[]>({ type: 'prompts/get' }, contentScriptSender(1));
    expect(prompts.length).toBeGreaterThan(0);
    expect(prompts.some((p) => p.overdue)).toBe(true);
    // Loading it again adds nothing: every event is already there.
    expect(await bg.ok({ type: 'demo/load' })).toEqual({ added: 0, skipped: loaded.added });
  });
});
