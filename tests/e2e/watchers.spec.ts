// Watchers across two browsers on one hub: Tom watches the brief Jane sent Ana, finds it in his popup
// under "Watching", and his browser tells him when Ana confirms it.
import type { Page } from '@playwright/test';
import { makeEvent } from '../../lib/events/make-event';
import type { Client } from '../../lib/model/client';
import type { Handoff } from '../../lib/model/handoff';
import type { Member } from '../../lib/model/member';
import { COMPLETE_BRIEF } from '../unit/helpers/handoffs';
import { expectAccessible } from './support/accessible.ts';
import { launchBaton, mustRequest, type Baton } from './support/baton.ts';
import { recordNotifications } from './support/notifications.ts';
import { openPanelWithIntent } from './support/panel-intents.ts';
import { JANE, joinHub, NORTHWIND, startTeamHub, TOM } from './support/team.ts';
import { addClients, expect, test } from './support/test.ts';

const ANA = { name: 'Ana Lopes', email: 'ana.lopes@brightlane.agency', role: 'member' as const };

/** Ana, through the hub's API: her member id, and a way to push events as her. */
async function anaOnTheHub(hubUrl: string, code: string) {
  const redeemed = await fetch(`${hubUrl}/v1/invites/redeem`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  const { token, member } = (await redeemed.json()) as { token: string; member: { id: string } };
  const push = async (...events: unknown[]) => {
    const pushed = await fetch(`${hubUrl}/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ events }) });
    expect(((await pushed.json()) as { results: { status: string }[] }).results.map((r) => r.status)).toEqual(events.map(() => 'accepted'));
  };
  return { id: member.id, push };
}

async function briefFromJane(jane: Page, anaId: string): Promise<Handoff> {
  const client = (await mustRequest<Client[]>(jane, { type: 'clients/list' })).find((c) => c.name === NORTHWIND)!;
  await expect.poll(async () => (await mustRequest<Member[]>(jane, { type: 'members/list' })).map((m) => m.id), { timeout: 20_000 }).toContain(anaId);
  const draft = await mustRequest<Handoff>(jane, { type: 'handoff/start', clientId: client.id, templateId: 'brief-to-creative', receiverId: anaId });
  return mustRequest<Handoff>(jane, { type: 'handoff/send', id: draft.id, draft: { fields: COMPLETE_BRIEF } });
}

test('Tom watches the brief Jane sent Ana, sees it in his popup, and is told when Ana confirms', async ({ baton: jane }) => {
  test.slow();
  const { hub, invites } = await startTeamHub('Brightlane', [JANE, TOM, ANA]);
  let tom: Baton | undefined;
  try {
    tom = await launchBaton();
    await joinHub(jane, hub.url, invites[0]!, JANE);
    await joinHub(tom, hub.url, invites[1]!, TOM);
    const ana = await anaOnTheHub(hub.url, invites[2]!);
    await addClients(jane, [[NORTHWIND, 'email-domain:northwindoutfitters.com']]);
    const janeOptions = await jane.openExtensionPage('options.html');
    const brief = await briefFromJane(janeOptions, ana.id);

    // Tom's settings: all four moments on; the group passes axe.
    const settings = await tom.openExtensionPage('options.html');
    const notifyMe = settings.getByRole('group', { name: 'Notify me' });
    for (const moment of ['is sent', 'gets gaps', 'is confirmed', 'is overdue']) await expect(notifyMe.getByRole('checkbox', { name: `When a handoff I watch ${moment}` })).toBeChecked();
    await expectAccessible(settings);

    // Tom opens the handoff once it reached him, and watches it.
    await expect.poll(async () => (await mustRequest<Handoff | null>(settings, { type: 'handoff/get', id: brief.id }))?.state, { timeout: 20_000 }).toBe('sent');
    const panel = await openPanelWithIntent(tom, settings, { kind: 'handoff', handoffId: brief.id });
    await expect(panel.getByText('Nobody else is watching')).toBeVisible();
    await panel.getByRole('button', { name: 'Watch', exact: true }).click();
    await expect(panel.getByText('Watching: you')).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Stop watching' })).toBeFocused();
    await expectAccessible(panel);

    // His popup lists it under "Watching", with whose move it is.
    const popup = await tom.openExtensionPage('popup.html');
    const watching = popup.getByRole('region', { name: 'Watching' });
    await expect(watching.getByRole('button')).toHaveCount(1);
    await expect(watching.getByRole('button')).toContainText(NORTHWIND);
    await expect(watching.getByRole('button')).toContainText('Sent · Ana Lopes to confirm');
    await expectAccessible(popup);
    await popup.close();

    // Ana confirms; Tom's browser tells him, once.
    const shown = await recordNotifications(tom);
    await ana.push(makeEvent('handoff.confirmed', ana.id, brief.id, {}));
    const confirmed = { title: 'A handoff you watch was confirmed', message: `Brief → creative for ${NORTHWIND} was confirmed by Ana Lopes` };
    await expect.poll(shown, { timeout: 30_000 }).toEqual([confirmed]);
    await expect(panel.getByText('Ana Lopes confirmed receipt. Nothing left to do.')).toBeVisible({ timeout: 20_000 });
    expect(await shown()).toEqual([confirmed]);
  } finally {
    await tom?.close();
    await hub.close();
  }
});
