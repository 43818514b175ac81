// An agency's roll-out, the way the README's "Deploy Baton for your team" tells it: the real CLI hub on a
// fresh PostgreSQL, behind Debian's real Caddy serving HTTPS with its own local CA (`tls internal`) for a
// hostname. Chromium trusts that CA by its keys' hashes only (no browser-wide "ignore certificate
// errors"). The first admin joins with the link the hub printed; a colleague joins with an invite link
// made in Settings → Team, or by signing in through the hub's OpenID provider (a real oidc-provider on
// this machine); a handoff is sent and confirmed between them through Caddy (HTTP and the live WebSocket).
import { chromium, type Page } from '@playwright/test';
import pg from 'pg';
import { startOidcProvider, type TestAccount, type TestProvider } from '../support/oidc-provider';
import { chromiumHelpers, launchBaton, mustRequest, type Baton } from './support/baton.ts';
import { startCaddy, type Caddy } from './support/caddy.ts';
import { freshPostgresDatabase } from './support/postgres.ts';
import { addClients, expect, openSite, test } from './support/test.ts';
import { badgeText, confirmReceipt, inviteFromSettings, joinHubWithLink, sendSalesToAm, signInWithProvider, type Person } from './support/team.ts';
import { buildHubCli, freePort, runCli, stopGently } from '../unit/server/hub-process.ts';

const ADMIN: Person = { name: 'Admin', email: 'ops@brightlane.agency', role: 'admin' };
const TOM: Person = { name: 'Tom Reyes', email: 'tom.reyes@brightlane.agency', role: 'member' };
const PROVIDER = 'Brightlane Google';
const CLIENT = 'Northwind Outfitters';

/** The admin's invite link in what the CLI printed on its first start. */
function printedLink(printed: string): string {
  const link = /Invite link: (https:\/\/\S+)/.exec(printed)?.[1];
  if (!link) throw new Error(`No invite link in the hub's output:\n${printed}`);
  return link;
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
    return await page.goto(url).then(
      async (response) => `${response?.status()} ${await page.locator('body').innerText()}`,
      (error: Error) => error.message,
    );
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

interface Deployment {
  caddy: Caddy;
  databaseUrl: string;
  /** What the hub printed on its first start. */
  printed(): string;
  /** A browser profile that trusts Caddy's CA (and only it) and finds the hub's hostname. */
  browser(): Promise<Baton>;
}

/**
 * A fresh deployment for one test: PostgreSQL, the hub's CLI (with `env` added, e.g. sign-in settings
 * made from Caddy's address) and Caddy in front; everything stopped after `run`.
 */
async function deployed(env: (caddy: Caddy) => Promise<Record<string, string>>, run: (deployment: Deployment) => Promise<void>): Promise<void> {
  const database = await freshPostgresDatabase();
  const hubPort = await freePort();
  const caddy = await startCaddy({ upstream: `127.0.0.1:${hubPort}` });
  const { cli, remove } = await buildHubCli('https');
  const browsers: Baton[] = [];
  let hub: Awaited<ReturnType<typeof runCli>> | undefined;
  try {
    hub = await runCli(cli, {
      DATABASE_URL: database.url,
      BATON_HUB_PORT: String(hubPort),
      BATON_PUBLIC_URL: caddy.url,
      BATON_ADMIN_EMAIL: ADMIN.email,
      BATON_WORKSPACE_NAME: 'Brightlane',
      BATON_TRUST_PROXY: '1',
      ...(await env(caddy)),
    });
    const started = hub;
    const trusting = { trustSpki: caddy.spkiHashes, hostRules: [caddy.hostRule] };
    await run({
      caddy,
      databaseUrl: database.url,
      printed: () => started.out(),
      browser: async () => {
        const baton = await launchBaton(trusting);
        browsers.push(baton);
        return baton;
      },
    });
  } finally {
    for (const browser of browsers) await browser.close();
    if (hub) await stopGently(hub.child);
    await caddy.stop();
    remove();
    await database.stop();
  }
}

/** The admin joins with the printed link; a client to hand off about. */
async function adminJoins({ caddy, printed, browser }: Deployment): Promise<Baton> {
  const admin = await browser();
  const link = printedLink(printed());
  expect(link.startsWith(`${caddy.url}/join#bi_`)).toBe(true);
  await joinHubWithLink(admin, link, ADMIN);
  await addClients(admin, [[CLIENT, 'email-domain:northwindoutfitters.com']]);
  return admin;
}

/** The admin sends Tom a sales → AM handoff; it reaches him live (his badge) and he confirms it; the hub's PostgreSQL holds both moves. */
async function handOffToTom(admin: Baton, tom: Baton, databaseUrl: string): Promise<void> {
  const tomSettings = await tom.openExtensionPage('options.html');
  await expect.poll(async () => (await mustRequest<{ name: string }[]>(tomSettings, { type: 'clients/list' })).map((c) => c.name), { timeout: 20_000 }).toContain(CLIENT);
  await tomSettings.close();
  // Tom is on the client's thread when the handoff is sent: his badge counts it within 5 s, which only
  // the live stream (a WebSocket through Caddy) does so soon — the pull by alarm is once a minute.
  const { page: thread } = await openSite(tom, 'gmail-thread');
  const title = await sendSalesToAm(admin, TOM);
  await expect.poll(() => badgeText(tom), { timeout: 5_000 }).toBe('1');
  await confirmReceipt(tom, title, thread);
  // Both moves reached the hub's PostgreSQL through Caddy.
  await expect.poll(() => handoffMoves(databaseUrl), { timeout: 15_000 }).toEqual(['handoff.sent', 'handoff.confirmed']);
}

test('a hub on PostgreSQL behind Caddy over HTTPS: the admin joins with the printed link, invites a colleague from Settings, who pastes the link; they hand off', async () => {
  test.slow();
  await deployed(async () => ({}), async (deployment) => {
    const { caddy } = deployment;
    // Chromium refuses the hub's certificate unless told to trust Caddy's CA (the flag is what makes it work).
    expect(await openInBareChromium(`${caddy.url}/healthz`, caddy, [])).toContain('ERR_CERT_AUTHORITY_INVALID');
    expect(await openInBareChromium(`${caddy.url}/healthz`, caddy, caddy.spkiHashes)).toMatch(/^200 /);

    const admin = await adminJoins(deployment);
    const front = await admin.context.newPage();
    await front.goto(caddy.url);
    await expect(front.getByText(caddy.url).first()).toBeVisible();
    await front.close();

    const link = await inviteFromSettings(admin, TOM);
    expect(link.startsWith(`${caddy.url}/join#bi_`)).toBe(true);
    const tom = await deployment.browser();
    await joinHubWithLink(tom, link, TOM);
    await handOffToTom(admin, tom, deployment.databaseUrl);
  });
});

test('the same hub with sign-in through its OpenID provider: a colleague at the agency’s domain signs in and is in; an address elsewhere is refused', async () => {
  test.slow();
  let provider: TestProvider | undefined;
  const accounts: Record<string, TestAccount> = {
    tom: { email: TOM.email, email_verified: true, name: TOM.name },
    eve: { email: 'eve@gmail.com', email_verified: true, name: 'Eve Outsider' },
  };
  try {
    const signInEnv = async (caddy: Caddy) => {
      provider = await startOidcProvider([`${caddy.url}/v1/sign-in/callback`], accounts);
      return {
        BATON_OIDC_ISSUER: provider.issuer,
        BATON_OIDC_CLIENT_ID: provider.clientId,
        BATON_OIDC_CLIENT_SECRET: provider.clientSecret,
        BATON_OIDC_PROVIDER_NAME: PROVIDER,
        BATON_OIDC_ALLOWED_DOMAINS: 'brightlane.agency',
        BATON_OIDC_NEW_MEMBERS: 'join',
      };
    };
    await deployed(signInEnv, async (deployment) => {
      const admin = await adminJoins(deployment);
      const tom = await deployment.browser();
      const options: Page = await tom.openExtensionPage('options.html');
      await options.getByRole('textbox', { name: 'Hub address' }).fill(deployment.caddy.url);

      await signInWithProvider(tom, options, PROVIDER, 'eve');
      await expect(options.getByRole('alert')).toHaveText('Sign-in with addresses at gmail.com is not allowed on this hub.', { timeout: 20_000 });
      await expect(options.getByRole('status').filter({ hasText: 'Connected to' })).toHaveCount(0);

      // Eve's session at the provider ends with her: Tom logs in afresh on the same browser.
      await tom.context.clearCookies();
      await signInWithProvider(tom, options, PROVIDER, 'tom');
      await expect(options.getByRole('status').filter({ hasText: 'Connected to' })).toContainText(`as ${TOM.name} (${TOM.email})`, { timeout: 20_000 });
      await options.close();
      await handOffToTom(admin, tom, deployment.databaseUrl);
    });
  } finally {
    await provider?.close();
  }
});
