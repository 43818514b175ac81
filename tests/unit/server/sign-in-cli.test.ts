import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hubCliForFile } from './hub-harness';
import { freePort, runCli, stopGently } from './hub-process';

const { cli, scratch } = hubCliForFile('sign-in-cli');
const SIGN_IN = { BATON_OIDC_ISSUER: 'https://accounts.google.com', BATON_OIDC_CLIENT_ID: 'hub.apps.googleusercontent.com', BATON_OIDC_CLIENT_SECRET: 's3cret', BATON_OIDC_ALLOWED_DOMAINS: 'brightlane.agency' };

describe('`npm run hub` with sign-in settings', { timeout: 90_000 }, () => {
  it('stops before touching the database when they are half set, naming what is missing', async () => {
    const dataDir = join(scratch(), 'half');
    const started = runCli(cli(), { BATON_DATA_DIR: dataDir, BATON_HUB_PORT: String(await freePort()), BATON_OIDC_ISSUER: SIGN_IN.BATON_OIDC_ISSUER });
    await expect(started).rejects.toThrow(/Sign-in is half set: BATON_OIDC_ISSUER is set but BATON_OIDC_CLIENT_ID, BATON_OIDC_CLIENT_SECRET, BATON_OIDC_ALLOWED_DOMAINS are not/);
    expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
  });

  it('stops when the public address the provider sends people back to is not set', async () => {
    const started = runCli(cli(), { BATON_DATA_DIR: join(scratch(), 'no-public-url'), BATON_HUB_PORT: String(await freePort()), ...SIGN_IN });
    await expect(started).rejects.toThrow(/Sign-in needs BATON_PUBLIC_URL/);
  });

  it('offers "Sign in with Google" at /v1/hub when they are all set', async () => {
    const port = await freePort();
    const { child } = await runCli(cli(), { BATON_DATA_DIR: join(scratch(), 'full'), BATON_HUB_PORT: String(port), BATON_PUBLIC_URL: 'https://hub.brightlane.agency', ...SIGN_IN });
    try {
      expect(await (await fetch(`http://127.0.0.1:${port}/v1/hub`)).json()).toMatchObject({ signIn: { provider: 'Google' } });
    } finally {
      await stopGently(child);
    }
  });
});
