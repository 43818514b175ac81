// @vitest-environment happy-dom
// "Link to client" on a page no client fits: the new client's name is what the page calls it.
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { reactRootPerTest } from './react-root';
import { LinkClientPicker } from '../../../components/panel/link-client-picker';
import { WorkspaceContext, type Workspace } from '../../../components/panel/workspace';
import type { TabState } from '../../../lib/messaging/protocol';

const WORKSPACE = { me: { id: 'm', name: 'Jane', email: 'jane@brightlane.agency', role: 'admin' }, members: [], clients: [], templates: [] } as unknown as Workspace;
const sent: { type: string; client?: { name: string } }[] = [];
const view = reactRootPerTest((message: { type: string; client?: { name: string } }) => {
  sent.push(message);
  return { ok: true, data: { id: 'c-new', name: message.client?.name ?? '' } };
});

const tab = (context: TabState['context'], linkable: TabState['linkable']): TabState => ({ tabId: 1, context, match: { status: 'none' }, linkable, updatedAt: '2026-12-06T10:00:00.000Z' });
const render = (state: TabState) =>
  act(async () => view.root.render(createElement(WorkspaceContext.Provider, { value: WORKSPACE }, createElement(LinkClientPicker, { tab: state, onClose: () => {} }))));
const nameField = () => [...view.host.querySelectorAll('label')].find((l) => l.textContent?.startsWith('New client name'))!.querySelector('input')!;

describe('Link to client, a new client', () => {
  it('is prefilled with the ad account’s name, and created with it in one click', async () => {
    await render(tab({ site: 'google-ads', url: 'https://ads.google.com/aw/overview?ocid=7879395008', identifiers: [], account: { id: '7879395008', name: 'Northwind Outfitters' } }, [{ kind: 'google-ads-ocid', value: '7879395008' }]));
    expect(nameField().value).toBe('Northwind Outfitters');
    await act(async () => [...view.host.querySelectorAll('button')].find((b) => b.textContent === 'Create and link')!.click());
    expect(sent.at(-1)).toMatchObject({ type: 'clients/save', client: { name: 'Northwind Outfitters', identifiers: 'google-ads-ocid:7879395008' } });
  });

  it('is prefilled with the organisation a Gmail thread is with', async () => {
    const thread = { id: 't', subject: 'Re: Northwind Outfitters — Q3 paid social launch handoff', participants: [], messageIds: [] };
    await render(tab({ site: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/1', identifiers: [], thread }, [{ kind: 'email-domain', value: 'northwindoutfitters.com' }]));
    expect(nameField().value).toBe('Northwind Outfitters');
  });
});
