import { describe, expect, it } from 'vitest';
import { openPglite } from '../../../server/db';
import { frontPage } from '../../../server/front-page';
import { HUB_VERSION } from '../../../server/hub-page';
import { listenFrom } from '../../../server/listen-options';
import { startHub } from '../../../server/server';
import { databases, freshDb, teamsClosedAfterEach } from './hub-harness';

const { closeAfter } = teamsClosedAfterEach();

describe.each(databases())('the hub’s front door on $kind', { timeout: 60_000 }, ({ kind, url }) => {
  it('shows a page at / that says what the hub is, its version and how to join, with the address members paste', async () => {
    const { db } = await freshDb(kind, url);
    const hub = closeAfter(await startHub(db, { port: 0, publicUrl: 'https://hub.brightlane.agency' }));
    const res = await fetch(`${hub.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    const page = await res.text();
    expect(page).toContain('<title>Baton team hub</title>');
    expect(page).toContain(`Baton hub ${HUB_VERSION}`);
    expect(page).toContain('<code>https://hub.brightlane.agency</code>');
    expect(page).toContain('Settings → Team hub');
    // The words of the settings form it points to (components/hub-join-form.tsx).
    expect(page).toMatch(/Invite link.*Connect.*Hub address.*Invite code/s);
  });

  it('answers /healthz while the process runs and /readyz only while the database answers with every migration applied', async () => {
    const { db } = await freshDb(kind, url);
    const hub = closeAfter(await startHub(db, { port: 0 }));
    expect(await (await fetch(`${hub.url}/healthz`)).json()).toEqual({ ok: true, version: HUB_VERSION });
    const ready = await fetch(`${hub.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, migrations: { applied: 7, expected: 7 } });
    // A migration this hub knows of is missing (a database restored from before it): not ready.
    await db.query('delete from schema_migrations');
    const behind = await fetch(`${hub.url}/readyz`);
    expect(behind.status).toBe(503);
    expect(await behind.json()).toMatchObject({ ready: false, migrations: { applied: 0, expected: 7 } });
  });
});

describe('the front page without a public address', () => {
  it('names the address the request came to, escaped', async () => {
    const hub = closeAfter(await startHub(await openPglite(), { port: 0 }));
    const page = await (await fetch(`${hub.url}/`)).text();
    expect(page).toContain(`<code>${hub.url}</code>`);
    const hostile = frontPage('https://x"><script>alert(1)</script>');
    expect(hostile).not.toContain('<script>alert(1)</script>');
    expect(hostile).toContain('<code>https://x&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;</code>');
  });

  it('is unready, with the reason, when the database is gone; alive all the same', async () => {
    const db = await openPglite();
    const hub = closeAfter(await startHub(db, { port: 0 }));
    const query = db.query.bind(db);
    db.query = () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
    const res = await fetch(`${hub.url}/readyz`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect((await res.json()).error).toMatch(/database is unavailable right now/);
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
    db.query = query;
  });
});

describe('where `npm run hub` listens', () => {
  it('reads BATON_HUB_HOST, BATON_HUB_PORT and BATON_PUBLIC_URL, and refuses a public address that is not one', () => {
    expect(listenFrom({})).toEqual({ hostname: '127.0.0.1', port: 8787 });
    expect(listenFrom({ BATON_HUB_HOST: '0.0.0.0', BATON_HUB_PORT: '9000', BATON_PUBLIC_URL: 'https://hub.brightlane.agency/' })).toEqual({
      hostname: '0.0.0.0',
      port: 9000,
      publicUrl: 'https://hub.brightlane.agency',
    });
    expect(() => listenFrom({ BATON_PUBLIC_URL: 'hub.brightlane.agency' })).toThrow(/^BATON_PUBLIC_URL: an address such as https:\/\/hub\.example\.com/);
    expect(() => listenFrom({ BATON_PUBLIC_URL: 'ftp://hub.brightlane.agency' })).toThrow(/BATON_PUBLIC_URL/);
    expect(() => listenFrom({ BATON_HUB_PORT: 'eighty' })).toThrow(/BATON_HUB_PORT/);
  });

  it('serves on every interface with BATON_HUB_HOST=0.0.0.0, reached on loopback', async () => {
    const hub = closeAfter(await startHub(await openPglite(), { port: 0, hostname: '0.0.0.0' }));
    expect(hub.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
  });
});
