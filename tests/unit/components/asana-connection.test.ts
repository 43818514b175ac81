// @vitest-environment happy-dom
// Settings → Workflow → Asana. Against the real test background with no hub: Asana needs the hub, says
// so with a link to Settings → Team hub, and a token sent anyway is refused and kept nowhere. The
// connected state (the hub's answer, per the design's GET /v1/integrations/asana) is drawn from a
// background answer in the second block; the hub's own routes are tested with the hub (asana-hub).
import 'fake-indexeddb/auto';
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { AsanaConnection } from '../../../components/options/asana-connection';
import type { AsanaView } from '../../../lib/background/commands/asana';
import { personClick } from '../helpers/dom';
import { buttonNamed, buttonsNamed, labelled, regionNamed, typeText } from '../helpers/panel-dom';
import { panelOnTestBackground } from '../helpers/panel-background';
import { reactRootPerTest } from './react-root';

const TOKEN = '2/1200000000000001/1209999999999999:0f1e2d3c4b5a69788796a5b4c3d2e1f0';

describe('Asana without a team hub (the real background)', () => {
  const panel = panelOnTestBackground();

  it('says Asana needs the team hub and links to Settings → Team hub; no token field', async () => {
    await act(async () => panel.root.render(createElement(AsanaConnection, { isAdmin: true })));
    await vi.waitFor(() => expect(regionNamed('Asana').textContent).toContain('Asana needs the team hub'));
    const link = [...regionNamed('Asana').querySelectorAll('a')].find((a) => a.textContent === 'Settings → Team hub');
    expect(link?.getAttribute('href')).toBe('#hub');
    expect(regionNamed('Asana').querySelector('input')).toBeNull();
    expect(buttonsNamed(regionNamed('Asana'), 'Connect Asana')).toHaveLength(0);
  });

  it('refuses asana/connect and asana/disconnect in words, and keeps the token nowhere in the extension', async () => {
    const problem = await panel.bg.refused({ type: 'asana/connect', token: TOKEN });
    expect(problem).toMatchObject({ code: 'unavailable', message: expect.stringContaining('Asana needs the team hub') });
    expect(await panel.bg.refused({ type: 'asana/disconnect' })).toMatchObject({ code: 'unavailable' });
    expect(await panel.bg.ok<AsanaView>({ type: 'asana/status' })).toEqual({ hub: false });
    const stored = JSON.stringify(await browser.storage.local.get(null)) + JSON.stringify(await (await panel.bg.workspace.session()).db.getAll('events'));
    expect(stored).not.toContain(TOKEN.slice(-16));
  });
});

describe('Asana on a hub (the hub’s answers, as the design names them)', () => {
  let connected = false;
  let memberView = false;
  const sent: { type: string; token?: string }[] = [];
  const status = () => ({
    hub: true,
    status: connected
      ? { connected: true, user: { name: 'Baton bot <b>', email: 'bot@brightlane.agency' }, projects: [{ gid: '1200000000000042', clientId: 'c-1', clientName: 'Northwind <script>x</script>', webhook: 'none' }], pollSeconds: 60 }
      : { connected: false, projects: [], pollSeconds: 60 },
  });
  const view = reactRootPerTest((message: { type: string; token?: string }) => {
    sent.push(message);
    if (message.type === 'asana/connect') {
      if (message.token !== TOKEN) return { ok: false, problem: { code: 'hub-refused', message: 'Asana refused the token: Not Authorized' } };
      connected = true;
    }
    if (message.type === 'asana/disconnect') connected = false;
    // As lib/background/commands/asana.ts answers a member: the hub, not its admin-only status.
    if (memberView) return { ok: true, data: { hub: true } };
    return { ok: true, data: status() };
  });

  it('connects with a token (sent once, the field emptied), shows the bot, the linked projects and the poll, and disconnects', async () => {
    await act(async () => view.root.render(createElement(AsanaConnection, { isAdmin: true })));
    await vi.waitFor(() => expect(view.host.textContent).toContain('Not connected to Asana.'));
    const field = labelled(view.host, 'Asana access token');
    expect(field.type).toBe('password');
    await act(async () => typeText(field, 'wrong'));
    await act(async () => personClick(buttonNamed(view.host, 'Connect Asana')));
    await vi.waitFor(() => expect(view.host.querySelector('[role="alert"]')?.textContent).toBe('Asana refused the token: Not Authorized'));
    await act(async () => typeText(labelled(view.host, 'Asana access token'), TOKEN));
    await act(async () => personClick(buttonNamed(view.host, 'Connect Asana')));
    await vi.waitFor(() => expect(view.host.textContent).toContain('Connected as Baton bot <b> (bot@brightlane.agency).'));
    expect(sent.filter((m) => m.type === 'asana/connect').map((m) => m.token)).toEqual(['wrong', TOKEN]);
    // Hostile names are shown as the text they are.
    expect(view.host.querySelector('strong')?.textContent).toBe('Baton bot <b>');
    expect(regionNamed('Asana').querySelector('ul[aria-label="Linked Asana projects"] li')?.textContent).toBe('Northwind <script>x</script>: project 1200000000000042, no webhook: changes arrive by polling');
    expect(view.host.textContent).toContain('every 60 seconds');
    expect(view.host.querySelector('input')).toBeNull();
    await act(async () => personClick(buttonNamed(view.host, 'Disconnect Asana')));
    await vi.waitFor(() => expect(view.host.textContent).toContain('Not connected to Asana.'));
  });

  it('tells a member an admin connects Asana, with no error, token field or Disconnect (the background answers a member without the admin-only status)', async () => {
    connected = true;
    memberView = true;
    await act(async () => view.root.render(createElement(AsanaConnection, { isAdmin: false })));
    await vi.waitFor(() => expect(regionNamed('Asana').textContent).toContain('An admin connects Asana for the team.'));
    expect(view.host.querySelector('[role="alert"]')).toBeNull();
    expect(view.host.textContent).not.toContain('Connected as');
    expect(view.host.querySelectorAll('button, input')).toHaveLength(0);
  });
});
