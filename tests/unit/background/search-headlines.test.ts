import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { HandoffHeadline } from '../../../lib/background/commands/search';
import type { Handoff } from '../../../lib/model/handoff';
import { handoffFromColleague, newTestBackground } from '../helpers/background';

beforeEach(() => fakeBrowser.reset());

describe('handoffs/headlines (what search reads)', () => {
  it('gives every handoff with its title, client and people, without its fields', async () => {
    const bg = newTestBackground();
    const { handoff, colleague, me } = await handoffFromColleague(bg, { clientName: 'Juniper & Vale' });
    const headlines = await bg.ok<HandoffHeadline[]>({ type: 'handoffs/headlines' });
    expect(headlines).toEqual([
      { id: handoff.id, clientId: handoff.clientId, title: handoff.title, senderId: colleague.id, receiverId: me.id, state: handoff.state, updatedAt: handoff.updatedAt },
    ]);
    expect((await bg.ok<Handoff>({ type: 'handoff/get', id: handoff.id })).fields).not.toEqual({});
  });
});
