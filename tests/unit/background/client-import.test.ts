import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Client } from '../../../lib/model/client';
import type { Member } from '../../../lib/model/member';
import type { PageContext } from '../../../lib/sites/types';
import { contentScriptSender, GMAIL_THREAD_URL, newTestBackground, type TestBackground } from '../helpers/background';

let bg: TestBackground;
beforeEach(() => {
  fakeBrowser.reset();
  bg = newTestBackground();
});

const byName = async () => Object.fromEntries((await bg.ok<Client[]>({ type: 'clients/list' })).map((c) => [c.name, c]));

describe('client list import', () => {
  it('creates new clients and adds identifiers and owners to ones that exist by name', async () => {
    const tom = await bg.ok<Member>({ type: 'member/add', name: 'Tom Reyes', email: 'tom@brightlane.agency' });
    await bg.ok({ type: 'clients/save', client: { name: 'Northwind Outfitters', identifiers: 'email-domain:northwindoutfitters.com' } });
    const result = await bg.ok({
      type: 'clients/import',
      rows: [
        { name: ' northwind outfitters ', identifiers: 'google-ads-ocid:7879395008 email-domain:northwindoutfitters.com', ownerEmail: 'Tom@Brightlane.agency' },
        { name: 'Harbor & Pine', identifiers: 'asana-project:1201809392759895' },
      ],
    });
    expect(result).toEqual({ created: 1, updated: 1 });
    const clients = await byName();
    expect(Object.keys(clients).sort()).toEqual(['Harbor & Pine', 'Northwind Outfitters']);
    expect(clients['Northwind Outfitters']).toMatchObject({
      ownerId: tom.id,
      identifiers: [
        { kind: 'email-domain', value: 'northwindoutfitters.com' },
        { kind: 'google-ads-ocid', value: '7879395008' },
      ],
    });
    expect(clients['Harbor & Pine']?.identifiers).toEqual([{ kind: 'asana-project', value: '1201809392759895' }]);
  });

  it('reports every bad row by number and imports nothing', async () => {
    const error = await bg.refused({
      type: 'clients/import',
      rows: [
        { line: 2, name: 'Good Co', identifiers: 'email-domain:good.test' },
        { line: 3, name: '  ', identifiers: '' },
        // A quoted name over two lines in the file: the next row starts two lines on.
        { line: 4, name: 'Acme', identifiers: 'google-ads-customer:12' },
        { line: 6, name: 'Blue Fern', identifiers: '', ownerEmail: 'nobody@brightlane.agency' },
        { line: 7, name: 'good co', identifiers: '' },
      ],
    });
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(/^Nothing was imported\. Line 3: a client needs a name\. Line 4: .*10 digits.* Line 6: nobody@brightlane\.agency is not a member of your workspace\. Line 7: “good co” is already on line 2\.$/);
    expect(await byName()).toEqual({});
  });

  it('refuses a row named like an archived client, saying so', async () => {
    const old = await bg.ok<Client>({ type: 'clients/save', client: { name: 'Blue Fern', identifiers: '' } });
    await bg.ok({ type: 'clients/archive', id: old.id });
    const error = await bg.refused({ type: 'clients/import', rows: [{ name: 'Blue Fern', identifiers: 'email-domain:bluefern.test' }] });
    expect(error.message).toBe('Nothing was imported. Line 2: “Blue Fern” is an archived client: restore it first, or use another name.');
  });

  it('re-matches open tabs afterwards', async () => {
    const context: PageContext = { site: 'gmail', url: GMAIL_THREAD_URL, identifiers: [{ kind: 'email-domain', value: 'northwindoutfitters.com' }] };
    const sender = contentScriptSender(7, 0);
    expect(await bg.ok({ type: 'page/context', context }, sender)).toEqual({ match: { status: 'none' } });
    vi.spyOn(browser.tabs, 'get').mockResolvedValue({ id: 7 } as Browser.tabs.Tab as never);
    vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 7, windowId: 0, active: true } as Browser.tabs.Tab] as never);
    await bg.ok({ type: 'clients/import', rows: [{ name: 'Northwind Outfitters', identifiers: 'email-domain:northwindoutfitters.com' }] });
    expect(await bg.ok({ type: 'panel/state', windowId: 0 })).toMatchObject({ match: { status: 'matched', client: { name: 'Northwind Outfitters' } } });
  });
});

describe('client list import with key facts', () => {
  it('sets the key facts of new clients and adds to those of existing ones, in one event per row', async () => {
    const existing = await bg.ok<Client>({ type: 'clients/save', client: { name: 'Northwind Outfitters', identifiers: '' } });
    await bg.ok({ type: 'client/update-facts', clientId: existing.id, facts: { stakeholders: [{ name: 'Maya Okafor', role: 'CMO', email: 'maya@northwind.example' }], preferences: ['Calls on Mondays'], sensitivities: [], toneOfVoiceUrl: '' } });
    await bg.ok({
      type: 'clients/import',
      rows: [
        { line: 2, name: 'Northwind Outfitters', identifiers: '', stakeholders: 'Maya Okafor (CEO) <maya@northwind.example>; Li Wei <li@northwind.example>', preferences: 'Calls on Mondays; PDF reports' },
        { line: 3, name: 'Harbor & Pine', identifiers: '', sensitivities: 'The 2023 recall', toneOfVoiceUrl: 'harborpine.example/voice' },
      ],
    });
    const clients = await byName();
    expect(clients['Northwind Outfitters']).toMatchObject({
      stakeholders: [
        { name: 'Maya Okafor', role: 'CEO', email: 'maya@northwind.example' },
        { name: 'Li Wei', role: '', email: 'li@northwind.example' },
      ],
      preferences: ['Calls on Mondays', 'PDF reports'],
    });
    expect(clients['Harbor & Pine']).toMatchObject({ stakeholders: [], sensitivities: ['The 2023 recall'], toneOfVoiceUrl: 'https://harborpine.example/voice' });
  });

  it('refuses a bad key-facts cell by line, importing nothing', async () => {
    const error = await bg.refused({ type: 'clients/import', rows: [{ line: 2, name: 'Acme', identifiers: '', stakeholders: 'Jane Doe' }, { line: 3, name: 'Globex', identifiers: '' }] });
    expect(error.message).toBe('Nothing was imported. Line 2: “Jane Doe” has no email address: write stakeholders as Name (Role) <email>, separated by “;”.');
    expect(await byName()).toEqual({});
  });

  it('refuses, by line, an import that would take a client past 200 preferences, importing nothing', async () => {
    const existing = await bg.ok<Client>({ type: 'clients/save', client: { name: 'Northwind Outfitters', identifiers: '' } });
    const preferences = Array.from({ length: 150 }, (_, i) => `Old ${i}`);
    await bg.ok({ type: 'client/update-facts', clientId: existing.id, facts: { stakeholders: [], preferences, sensitivities: [], toneOfVoiceUrl: '' } });
    const more = Array.from({ length: 60 }, (_, i) => `New ${i}`).join('; ');
    const error = await bg.refused({ type: 'clients/import', rows: [{ line: 2, name: 'Globex', identifiers: '' }, { line: 3, name: 'Northwind Outfitters', identifiers: '', preferences: more }] });
    expect(error).toMatchObject({ code: 'invalid', message: 'Nothing was imported. Line 3: a client keeps at most 200 preferences: this would make 210.' });
    expect(Object.keys(await byName())).toEqual(['Northwind Outfitters']);
  });
});
