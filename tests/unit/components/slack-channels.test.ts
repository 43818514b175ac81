// @vitest-environment happy-dom
// Settings → Workflow → Slack: an admin pastes webhook URLs (sent to the hub, shown back masked) and
// sees the last messages; a member sees only which channels are set. No JSX here: unit tests are .ts files.
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { reactRootPerTest } from './react-root';
import { SlackChannels } from '../../../components/options/slack-channels';
import type { SlackSettings } from '../../../lib/sync/hub-slack';

const AT = '2026-12-06T11:00:00.000Z';
const CLIENTS = [
  { id: 'northwind', name: 'Northwind Outfitters', identifiers: [], archived: false, createdAt: AT, updatedAt: AT },
  { id: 'acme', name: 'Acme <script>alert(1)</script>', identifiers: [], archived: false, createdAt: AT, updatedAt: AT },
];
const SAVED: SlackSettings = {
  workspace: { masked: 'https://hooks.slack.com/…WXYZ' },
  clients: [{ clientId: 'northwind', masked: 'https://hooks.slack.com/…N123' }],
  recent: [
    { at: AT, status: 'failed', text: 'Handoff sent · <!channel> <script>x</script>\u0000 🎉', channel: 'northwind', reason: '404 no_service' },
    { at: AT, status: 'sent', text: 'Handoff confirmed · Acme', channel: '' },
  ],
};

type Message = { type: string; workspaceUrl?: string | null; clients?: Record<string, string | null> };
const asked: Message[] = [];
let settings: SlackSettings | null = { clients: [], recent: [] };
let refuse: string | undefined;
const view = reactRootPerTest((message: Message) => {
  asked.push(message);
  if (message.type === 'clients/list') return { ok: true, data: CLIENTS };
  if (message.type === 'slack/get') return { ok: true, data: settings };
  if (message.type === 'slack/set') return refuse ? { ok: false, problem: { code: 'hub-refused', message: refuse } } : { ok: true, data: SAVED };
  return { ok: false, problem: { code: 'internal', message: `unexpected ${message.type}` } };
});

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  asked.length = 0;
  refuse = undefined;
  settings = { clients: [], recent: [] };
});

const render = async (isAdmin: boolean) => {
  await act(async () => view.root.render(createElement(SlackChannels, { isAdmin })));
};
const region = () => {
  const heading = [...view.host.querySelectorAll('h3')].find((h) => h.textContent === 'Slack')!;
  return view.host.querySelector(`section[aria-labelledby="${heading.id}"]`)!;
};
// A text box's label holds only its name (the accessible name e2e checks use); a picker's, its name and its options.
const field = (label: string) =>
  [...region().querySelectorAll('label')].find((l) => (l.querySelector('select') ? l.firstChild?.textContent : l.textContent) === label)?.querySelector('input, select') as HTMLInputElement | undefined;
const button = (name: string) => [...region().querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);
async function type(label: string, value: string) {
  const box = field(label)!;
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(box, value);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('Slack channels in Settings', () => {
  it('an admin saves the workspace’s and a client’s webhook URLs, and sees them masked with the last messages', async () => {
    await render(true);
    expect(region().textContent).toContain('No Slack channel yet');
    await type('Workspace Slack webhook URL', 'https://hooks.slack.com/services/T1/B1/secretWXYZ');
    const picker = field('Client') as unknown as HTMLSelectElement;
    await act(async () => {
      picker.value = 'northwind';
      picker.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await type('Slack webhook URL for Northwind Outfitters', 'https://hooks.slack.com/services/T1/B2/secretN123');
    await act(async () => button('Save')!.click());
    expect(asked).toContainEqual({ type: 'slack/set', workspaceUrl: 'https://hooks.slack.com/services/T1/B1/secretWXYZ', clients: { northwind: 'https://hooks.slack.com/services/T1/B2/secretN123' } });
    const text = region().textContent!;
    expect(text).toContain('https://hooks.slack.com/…WXYZ');
    expect(text).toContain('https://hooks.slack.com/…N123');
    expect(text).not.toContain('secret');
    expect(region().querySelector('[role="status"]')!.textContent).toMatch(/^Saved\./);
    expect(field('Workspace Slack webhook URL')!.value).toBe('');
    // Northwind has its channel now: only Acme is left to add, and its hostile name is text.
    expect(field('Slack webhook URL for Acme <script>alert(1)</script>')).toBeDefined();
    expect(region().querySelector('script')).toBeNull();
    expect(region().querySelectorAll('ul[aria-label="Last Slack messages"] > li')).toHaveLength(2);
    expect(text).toContain('Failed · ');
    expect(text).toContain('Northwind Outfitters · Slack said: 404 no_service');
    expect(text).toContain('Handoff sent · <!channel> <script>x</script>');
    await act(async () => button('Remove the Slack channel of Northwind Outfitters')!.click());
    expect(asked).toContainEqual({ type: 'slack/set', clients: { northwind: null } });
    // The row's Remove button gone, the keyboard is on the Slack part's heading.
    expect(document.activeElement).toBe(document.getElementById(region().getAttribute('aria-labelledby')!));
    expect(document.activeElement?.textContent).toBe('Slack');
  });

  it('shows the hub’s reason when it refuses a URL, and asks for one before saving nothing', async () => {
    await render(true);
    await act(async () => button('Save')!.click());
    expect(region().querySelector('[role="alert"]')!.textContent).toBe('Paste a Slack webhook URL first.');
    expect(asked.map((m) => m.type)).not.toContain('slack/set');
    refuse = 'A Slack webhook URL must be on hooks.slack.com (this one is on evil.example).';
    await type('Workspace Slack webhook URL', 'https://evil.example/hook');
    await act(async () => button('Save')!.click());
    expect(region().querySelector('[role="alert"]')!.textContent).toBe(refuse);
    expect(field('Workspace Slack webhook URL')!.value).toBe('https://evil.example/hook');
  });

  it('a member who is not an admin sees which channels are set, never a URL or a way to change them', async () => {
    settings = { workspace: {}, clients: [{ clientId: 'northwind' }], recent: [] };
    await render(false);
    const text = region().textContent!;
    expect(text).toContain('The workspace’s Slack channel is set.');
    expect(text).toContain('Client channels: Northwind Outfitters.');
    expect(field('Workspace Slack webhook URL')).toBeUndefined();
    expect(button('Save')).toBeUndefined();
  });

  it('without a hub, says the hub is what posts', async () => {
    settings = null;
    await render(true);
    expect(region().textContent).toContain('Connect to a team hub');
    expect(field('Workspace Slack webhook URL')).toBeUndefined();
  });
});

describe('Slack channels, checked by axe-core', () => {
  it('have no serious or critical violation (names, roles, labels) for an admin with channels and messages', async () => {
    settings = SAVED;
    await render(true);
    const axe = (await import('axe-core')).default;
    const { violations } = await axe.run(view.host, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
