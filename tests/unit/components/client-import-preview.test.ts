// @vitest-environment happy-dom
// Settings → Import: the preview names each row's identifiers as people read them, not `kind:value`.
// No JSX here: unit tests are .ts files.
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ClientImport } from '../../../components/options/client-import';
import { reactRootPerTest } from './react-root';
import { DEFAULT_TEAM_ROLES } from '../../../lib/model/team';

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
const view = reactRootPerTest((message: { type: string }) => {
  if (message.type === 'team/roles') return { ok: true, data: { roles: DEFAULT_TEAM_ROLES, held: {}, isAdmin: true } };
  if (message.type === 'members/list') return { ok: true, data: [{ id: 'm-jane', name: 'Jane Park', email: 'jane@agency.com', role: 'member' }] };
  return message.type === 'clients/list' ? { ok: true, data: [] } : { ok: true, data: null };
});
const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

async function pick(csv: string) {
  const input = view.host.querySelector<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, 'files', { configurable: true, value: [new File([csv], 'clients.csv', { type: 'text/csv' })] });
  await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })));
  await settle();
}
const rows = () => [...view.host.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
const identifierCells = () => [...view.host.querySelectorAll('tbody tr')].map((tr) => tr.querySelectorAll('td')[2]?.textContent);

describe('the client import preview', () => {
  it('shows each row’s identifiers in friendly labels', async () => {
    await act(async () => view.root.render(createElement(ClientImport)));
    await settle();
    await pick('name,identifiers\nNorthwind Outfitters,email-domain:northwind.example google-ads-customer:3185529047\nHarbor & Pine,\n');
    expect(identifierCells()).toEqual(['Email domain northwind.example · Google Ads customer ID 318-552-9047', '—']);
  });

  it('shows the team a row sets and says which roles or people are unknown', async () => {
    await act(async () => view.root.render(createElement(ClientImport)));
    await settle();
    await pick('name,team\nAcme,strategist:jane@agency.com\nBirch,creative:ana@agency.com\nCobalt,juggler:jane@agency.com\n');
    const [acme, birch, cobalt] = rows();
    expect(acme?.[4]).toBe('team: strategist');
    expect(acme?.[5]).toBe('New');
    expect(birch?.[5]).toBe('ana@agency.com is not a member of your workspace.');
    expect(cobalt?.[5]).toContain('“juggler” is not one of the workspace’s roles.');
    expect(view.host.textContent).toContain('strategist:jane@agency.com creative:ana@agency.com');
  });
});
