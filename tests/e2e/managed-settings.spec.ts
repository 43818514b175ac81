// IT pre-sets Baton by policy (docs/it-deployment.md). Chromium on Linux reads policy files from
// /etc/chromium/policies/managed/*.json; "3rdparty" → "extensions" → "<id>" reaches the extension's
// storage.managed when its manifest declares a schema (public/managed-schema.json). The test build has a
// fixed id (a manifest `key`, lib/e2e-extension-key.ts), so the policy can name it before launch. Checked
// here: Chromium applies that policy to the unpacked extension loaded with --load-extension (the worker
// reads it from storage.managed). The policy file is removed after every test, pass or fail: no other
// spec may run with it.
import { accessSync, constants, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from '@playwright/test';
import { E2E_EXTENSION_ID } from '../../lib/e2e-extension-key';
import { launchBaton, requestFromPage, type Baton } from './support/baton.ts';
import { expect, test } from './support/test.ts';

const POLICY_FILE = '/etc/chromium/policies/managed/baton-e2e.json';
const MANAGED = { hubUrl: 'https://hub.example.test', signInRequired: true, allowedDomains: ['agency.example'] };

function writePolicy(): void {
  const dir = dirname(POLICY_FILE);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new Error(
      `This test writes a Chromium policy file in ${dir} and cannot (${(error as Error).message}). Run it as root (CI does), or create ${dir} writable by this user.`,
      { cause: error },
    );
  }
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [E2E_EXTENSION_ID]: MANAGED } } }));
}

const removePolicy = () => rmSync(POLICY_FILE, { force: true });
test.afterAll(removePolicy);

/** Launches Baton with the policy file in place, runs `use`, then closes it and removes the file, always. */
async function withPolicy(use: (baton: Baton) => Promise<void>): Promise<void> {
  writePolicy();
  let baton: Baton | undefined;
  try {
    baton = await launchBaton();
    expect(baton.extensionId, 'the test build has the fixed id the policy names (BATON_E2E build with the manifest key)').toBe(E2E_EXTENSION_ID);
    await use(baton);
  } finally {
    await baton?.close();
    removePolicy();
  }
}

/** The tab Baton opened by itself at install: Settings at the Team hub. */
async function firstRunTab(baton: Baton): Promise<Page> {
  const url = `chrome-extension://${E2E_EXTENSION_ID}/options.html#hub`;
  await expect.poll(() => baton.context.pages().map((page) => page.url()), { message: 'Settings opened at the Team hub on first run' }).toContain(url);
  const page = baton.context.pages().find((p) => p.url() === url) as Page;
  await page.waitForLoadState();
  return page;
}

test('a hub set by IT policy: first run opens Settings at the Team hub, the address locked, no invite code, another hub refused by the background', async () => {
  await withPolicy(async (baton) => {
    // Chromium applied the policy to the unpacked extension: the worker reads it.
    const [worker] = baton.context.serviceWorkers();
    expect(await worker?.evaluate(() => (globalThis as unknown as { chrome: { storage: { managed: { get(): Promise<unknown> } } } }).chrome.storage.managed.get())).toEqual(MANAGED);

    const settings = await firstRunTab(baton);
    const address = settings.getByRole('textbox', { name: 'Hub address' });
    await expect(address).toHaveValue('https://hub.example.test');
    await expect(address).not.toBeEditable();
    await expect(address).toHaveAccessibleDescription('Set by your organisation');
    await expect(address).toBeFocused();
    // Sign-in is required: no invite code to type, no Connect for one; the domain hint is there.
    await expect(settings.getByRole('textbox', { name: 'Invite code' })).toHaveCount(0);
    await expect(settings.getByRole('button', { name: 'Connect' })).toHaveCount(0);
    await expect(settings.getByText('Use your @agency.example address')).toBeVisible();

    // The background holds the rule whatever a page sends.
    const elsewhere = await requestFromPage(settings, { type: 'hub/connect', url: 'https://other.example.test', code: 'bi_0123456789abcdef' });
    expect(elsewhere).toMatchObject({ ok: false, problem: { code: 'forbidden', message: expect.stringContaining('Your organisation set Baton to use its team hub https://hub.example.test only') } });
    const byCode = await requestFromPage(settings, { type: 'hub/connect', url: 'https://hub.example.test', code: 'bi_0123456789abcdef' });
    expect(byCode).toMatchObject({ ok: false, problem: { code: 'forbidden', message: expect.stringContaining('Your organisation requires signing in with') } });
  });
  expect(existsSync(POLICY_FILE), 'the policy file is gone after the test').toBe(false);
});

test('without a policy, nothing opens at install and the hub address is free to type', async () => {
  expect(existsSync(POLICY_FILE), `${POLICY_FILE} left behind by an earlier run`).toBe(false);
  const baton = await launchBaton();
  try {
    const settings = await baton.openExtensionPage('options.html');
    const address = settings.getByRole('textbox', { name: 'Hub address' });
    await expect(address).toBeEditable();
    await expect(settings.getByText('Set by your organisation')).toHaveCount(0);
    await expect(settings.getByRole('textbox', { name: 'Invite code' })).toBeVisible();
    expect(baton.context.pages().map((page) => page.url()).filter((url) => url.includes('#hub'))).toEqual([]);
  } finally {
    await baton.close();
  }
});
