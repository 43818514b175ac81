import { describe, expect, it } from 'vitest';
import { recentClients, withRecentClient } from '../../../lib/match/recent-clients';
import { buildSearchIndex, filterClients, queryEcho, search, searchClients, searchHandoffs, type SearchableClient } from '../../../lib/match/search-index';
import type { Identifier } from '../../../lib/sites/types';

const client = (id: string, name: string, identifiers: Identifier[], archived = false): SearchableClient => ({ id, name, identifiers, archived });
const juniper = client('c-juniper', 'Juniper & Vale Coffee Roasters', [
  { kind: 'email-domain', value: 'junipervale.coffee' },
  { kind: 'google-ads-customer', value: '3185529047' },
  { kind: 'asana-project', value: '1207731190422871' },
]);
const northgate = client('c-northgate', 'Northgate Credit Union', [
  { kind: 'email-domain', value: 'northgatecu.org' },
  { kind: 'email', value: 'marketing@northgatecu.org' },
  { kind: 'google-ads-customer', value: '6620143398' },
  { kind: 'asana-workspace', value: '1199402218876102' },
]);
const cafe = client('c-cafe', 'Café Tomás', [{ kind: 'email-domain', value: 'cafetomas.es' }, { kind: 'asana-workspace', value: '1199402218876102' }]);
const archived = client('c-old', 'Juniper Old Account', [{ kind: 'email-domain', value: 'juniper-old.com' }], true);
const members = [
  { id: 'm-dana', name: 'Dana Whitfield', email: 'dana@fieldstone.agency' },
  { id: 'm-priya', name: 'Priya Nair', email: 'priya@fieldstone.agency' },
];
const handoffs = [
  { id: 'h-1', clientId: 'c-juniper', title: 'Holiday campaign brief', senderId: 'm-dana', receiverId: 'm-priya', updatedAt: '2026-11-01T10:00:00Z' },
  { id: 'h-2', clientId: 'c-northgate', title: 'Sales to AM: Northgate', senderId: 'm-priya', updatedAt: '2026-11-03T10:00:00Z' },
  { id: 'h-3', clientId: 'c-northgate', title: 'Quarterly report', senderId: 'm-dana', receiverId: 'm-priya', updatedAt: '2026-11-05T10:00:00Z' },
];
const index = buildSearchIndex({ clients: [juniper, northgate, cafe, archived], handoffs, members });
const names = (query: string) => searchClients(index, query).map((hit) => hit.client.name);

describe('searching clients', () => {
  it('finds a client by a Google Ads customer id typed with dashes, spaces or none, and says which identifier matched', () => {
    for (const typed of ['318-552-9047', '3185529047', '318 552 9047', ' 318-552-9047 ']) {
      expect(searchClients(index, typed), typed).toEqual([{ client: juniper, matched: { kind: 'google-ads-customer', value: '3185529047' } }]);
    }
    // Half typed: the start of the id already finds it.
    expect(names('318-55')).toEqual(['Juniper & Vale Coffee Roasters']);
  });

  it('finds a client by a domain, an address at it, or a URL on it', () => {
    expect(names('junipervale.coffee')).toEqual(['Juniper & Vale Coffee Roasters']);
    expect(names('JuniperVale.COFFEE')).toEqual(['Juniper & Vale Coffee Roasters']);
    expect(names('www.northgatecu.org')).toEqual(['Northgate Credit Union']);
    expect(names('someone@northgatecu.org')).toEqual(['Northgate Credit Union']);
    expect(searchClients(index, 'marketing@northgatecu.org')[0]).toEqual({ client: northgate, matched: { kind: 'email', value: 'marketing@northgatecu.org' } });
    expect(names('https://junipervale.coffee/pages/wholesale')).toEqual(['Juniper & Vale Coffee Roasters']);
  });

  it('finds a client by an Asana URL or id, but not by the workspace every client shares', () => {
    expect(names('https://app.asana.com/0/1207731190422871/1207731190499999')).toEqual(['Juniper & Vale Coffee Roasters']);
    expect(names('1207731190422871')).toEqual(['Juniper & Vale Coffee Roasters']);
    expect(names('https://app.asana.com/1/1199402218876102/project/1207731190422871/task/1207731190499999')).toEqual(['Juniper & Vale Coffee Roasters']);
  });

  it('finds a client by its name, whatever the case and accents, every word counting; names starting with the query first', () => {
    expect(names('cafe tomas')).toEqual(['Café Tomás']);
    expect(names('CREDIT union')).toEqual(['Northgate Credit Union']);
    expect(names('credit coffee')).toEqual([]);
    const withJune = buildSearchIndex({ clients: [client('a', 'Midsummer June Events', []), client('b', 'Junebug Bakery', [])] });
    expect(searchClients(withJune, 'june').map((hit) => hit.client.name)).toEqual(['Junebug Bakery', 'Midsummer June Events']);
  });

  it('leaves archived clients out, and finds nothing for an empty query or for hostile text', () => {
    expect(names('juniper')).toEqual(['Juniper & Vale Coffee Roasters']);
    expect(names('juniper-old.com')).toEqual([]);
    expect(names('   ')).toEqual([]);
    for (const hostile of ['<script>alert(1)</script>', '\u0000', 'x'.repeat(1_000_000), '\ud83d', '((((', '.*']) expect(names(hostile)).toEqual([]);
  });
});

describe('searching handoffs', () => {
  const titles = (query: string) => searchHandoffs(index, query).map((h) => h.title);

  it('finds handoffs by title, client name, and the sender’s or receiver’s name or address; titles first, then the newest', () => {
    expect(titles('holiday')).toEqual(['Holiday campaign brief']);
    expect(titles('juniper')).toEqual(['Holiday campaign brief']);
    expect(titles('priya')).toEqual(['Quarterly report', 'Sales to AM: Northgate', 'Holiday campaign brief']);
    expect(titles('dana@fieldstone')).toEqual(['Quarterly report', 'Holiday campaign brief']);
    expect(titles('northgate')).toEqual(['Sales to AM: Northgate', 'Quarterly report']);
  });

  it('leaves out the handoffs of an archived client, as the client itself is left out', () => {
    const withOld = buildSearchIndex({ clients: [juniper, archived], handoffs: [...handoffs, { id: 'h-old', clientId: 'c-old', title: 'Holiday brief for the old account', senderId: 'm-dana', updatedAt: '2026-11-06T10:00:00Z' }], members });
    expect(searchHandoffs(withOld, 'holiday').map((h) => h.id)).toEqual(['h-1']);
  });

  it('returns both groups together, each capped', () => {
    const results = search(index, 'northgate', 1);
    expect(results.clients.map((hit) => hit.client.id)).toEqual(['c-northgate']);
    expect(results.handoffs.map((h) => h.id)).toEqual(['h-2']);
  });
});

describe('filtering a client list', () => {
  it('keeps the list’s own order and every client for an empty query', () => {
    const list = [northgate, juniper, cafe];
    expect(filterClients(list, '')).toEqual(list);
    expect(filterClients(list, 'o')).toEqual([northgate, juniper, cafe]);
    expect(filterClients(list, '662-014-3398')).toEqual([northgate]);
    expect(filterClients(list, 'nothing like it')).toEqual([]);
  });
});

describe('recent clients', () => {
  it('puts the client opened last first, once, and keeps five', () => {
    let recent: string[] = [];
    for (const id of ['a', 'b', 'c', 'a', 'd', 'e', 'f']) recent = withRecentClient(recent, id);
    expect(recent).toEqual(['f', 'e', 'd', 'a', 'c']);
  });

  it('names only clients that still exist and are not archived', () => {
    expect(recentClients(['c-old', 'gone', 'c-cafe', 'c-juniper'], [juniper, cafe, archived]).map((c) => c.id)).toEqual(['c-cafe', 'c-juniper']);
  });
});

describe('echoing a query', () => {
  it('repeats a short query whole, and cuts a long one between characters, without NUL or half an emoji', () => {
    expect(queryEcho('  acme  ')).toBe('acme');
    expect(queryEcho('a\u0000b\ud83d')).toBe('ab');
    expect(queryEcho('😀'.repeat(100))).toBe(`${'😀'.repeat(60)}…`);
    expect(queryEcho('x'.repeat(1_000_000))).toBe(`${'x'.repeat(60)}…`);
  });
});
