// A team hub deployed the way the README says: the real CLI on a fresh PostgreSQL, behind Debian's real
// Caddy serving HTTPS with its own local CA (`tls internal`) for a hostname. Chromium trusts that CA by
// its keys' hashes only (no browser-wide "ignore certificate errors"): the admin joins over https:// with
// the code the hub printed, a colleague joins with an invite made on the command line, and a handoff is
// sent and confirmed between them through Caddy (HTTP and the live WebSocket).
import { chromium } from '@playwright/test';
import pg from 'pg';
import { chromiumHelpers, launchBaton, mustRequest, type Baton } from './support/baton.ts';
import { startCaddy, type Caddy } from './support/caddy.ts';
import { freshPostgresDatabase } from './support/postgres.ts';
import { addClients, expect, openSite, test } from './support/test.ts';
import { badgeText, confirmReceipt, joinHub, sendSalesToAm, type Person } from './support/team.ts';
import { buildHubCli, freePort, runCli, stopGently } from '../unit/server/hub-process.ts';

const ADMIN: Person = { name: 'Admin', email: 'ops@brightlane.agency', role: 'admin' };
const TOM: Person = { name: 'Tom Reyes', email: 'tom.reyes@brightlane.agency', role: 'member' };
const CLIENT = 'Northwind Outfitters';

/** The one-time invite code in what the CLI printed (a bare code, or inside an invite link). */
function inviteCode(printed: string): string {
  const code = /\bbi_[\w-]+/.exec(printed)?.[0];
  if (!code) throw new Error(`No invite code in the hub's output:\n${printed}`);
  return code;
}

/** A bare Chromium (no extension) opening `url`: what it answers, or the network error it refused with. */
async function openInBareChromium(url: string, caddy: Caddy, trustSpki: string[]): Promise<string> {
  const { findChromium } = await chromiumHelpers();
  const browser = await chromium.launch({
    executablePath: findChromium()!,
    headless: true,
    args: [`--host-resolver-rules=MAP ${caddy.hostRule.join(' ')}`, ...(trustSpki.length ? [`--ignore-certificate-errors-spki-list=${trustSpki.join(',')}`] : [])],
  });
  try {
    const page = await browser.newPage();
    const answer = await page.goto(url).then(
      async (response) => `${response?.status()} ${await page.locator('body').innerText()}`,
      (error: Error) => error.message,
    );
    return answer;
  } finally {
    await browser.close();
  }
}

/** The handoff moves the hub stored, in order. */
async function handoffMoves(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ type: string }>("select type from events where type in ('handoff.sent', 'handoff.confirmed') order by seq");
    return rows.map((r) => r.type);
  } finally {
    await client.end();
  }
}

test('a hub on PostgreSQL behind Caddy over HTTPS: the admin and a colleague join over https:// and hand off', async () => {
  test.slow();
  const database = await freshPostgresDatabase();
  const hubPort = await freePort();
  const caddy = await startCaddy({ upstream: `127.0.0.1:${hubPort}` });
  const { cli, remove } = await buildHubCli('https');
  const env = { DATABASE_URL: database.url, BATON_HUB_PORT: String(hubPort), BATON_PUBLIC_URL: caddy.url, BATON_ADMIN_EMAIL: ADMIN.email, BATON_WORKSPACE_NAME: 'Brightlane', BATON_TRUST_PROXY: '1' };
  const hub = await runCli(cli, env);
  const browsers: Baton[] = [];
  try {
    // Chromium refuses the hub's certificate unless told to trust Caddy's CA (the flag is what makes it work).
    expect(await openInBareChromium(`${caddy.url}/healthz`, caddy, [])).toContain('ERR_CERT_AUTHORITY_INVALID');
    expect(await openInBareChromium(`${caddy.url}/healthz`, caddy, caddy.spkiHashes)).toMatch(/^200 /);

    const trusting = { trustSpki: caddy.spkiHashes, hostRules: [caddy.hostRule] };
    const admin = await launchBaton(trusting);
    browsers.push(admin);
    const front = await admin.context.newPage();
    await front.goto(caddy.url);
    await expect(front.getByText(caddy.url).first()).toBeVisible();
    await front.close();
    await joinHub(admin, caddy.url, inviteCode(hub.out()), ADMIN);

    // A colleague invited from the command line while the hub runs (PostgreSQL serves every command at once).
    const invited = await runCli(cli, env, ['invite', '--email', TOM.email, '--name', TOM.name]);
    const tom = await launchBaton(trusting);
    browsers.push(tom);
    await joinHub(tom, caddy.url, inviteCode(invited.out()), TOM);

    await addClients(admin, [[CLIENT, 'email-domain:northwindoutfitters.com']]);
    const tomSettings = await tom.openExtensionPage('options.html');
    await expect.poll(async () => (await mustRequest<{ name: string }[]>(tomSettings, { type: 'clients/list' })).map((c) => c.name), { timeout: 20_000 }).toContain(CLIENT);
    await tomSettings.close();
    // Tom is on the client's thread when the handoff is sent: his badge counts it within 5 s, which only
    // the live stream (a WebSocket through Caddy) does so soon — the pull by alarm is once a minute.
    const { page: tomThread } = await openSite(tom, 'gmail-thread');
    const title = await sendSalesToAm(admin, TOM);
    await expect.poll(() => badgeText(tom), { timeout: 5_000 }).toBe('1');
    await confirmReceipt(tom, title, tomThread);
    // Both moves reached the hub's PostgreSQL through Caddy.
    await expect.poll(() => handoffMoves(database.url), { timeout: 15_000 }).toEqual(['handoff.sent', 'handoff.confirmed']);
  } finally {
    for (const browser of browsers) await browser.close();
    await stopGently(hub.child);
    await caddy.stop();
    remove();
    await database.stop();
  }
});
