import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'wxt';
import { E2E_EXTENSION_KEY } from './lib/e2e-extension-key';
import { OPTIONAL_HOSTS, REQUIRED_HOSTS } from './lib/sites/hosts';

// BATON_E2E builds the test extension: the ad platforms become required hosts, because an optional
// host permission is granted only through a browser prompt that no headless test can click.
const e2e = process.env.BATON_E2E === '1';

export default defineConfig({
  // webextension-polyfill (the design card): `wxt/browser` is its promise-based `browser` everywhere.
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // BATON_OUT_DIR lets parallel builds (a screenshot run beside a test run) keep out of each other's way.
  outDir: process.env.BATON_OUT_DIR ?? (e2e ? '.output/e2e' : '.output'),
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}',
  vite: () => ({
    plugins: [tailwindcss()],
  }),
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['tests/**', 'bench/**', '.baton/**', '**/*.pem', 'test-results/**', 'playwright-report/**'],
  },
  manifest: ({ browser }) => {
    const firefox = browser === 'firefox';
    return {
      name: 'Baton — agency handoffs',
      short_name: 'Baton',
      description:
        'Client context and structured handoffs on Gmail, Asana and your ad platforms. Nothing falls between account managers.',
      // `scripting` registers the ad-platform reader for the platforms the user granted, and only there
      // (lib/background/ad-content-scripts.ts): a static content script would grant every ad host.
      // `identity`: the sign-in window of a hub's provider (lib/sync/sign-in.ts); Chrome shows no install warning for it.
      permissions: ['storage', 'notifications', 'alarms', 'contextMenus', 'scripting', 'identity', ...(firefox ? [] : ['sidePanel'])],
      host_permissions: e2e ? [...REQUIRED_HOSTS, ...OPTIONAL_HOSTS] : [...REQUIRED_HOSTS],
      optional_host_permissions: e2e ? [] : OPTIONAL_HOSTS,
      minimum_chrome_version: firefox ? undefined : '116',
      action: { default_title: 'Baton' },
      // lib/background/panel-triggers.ts: START_HANDOFF_COMMAND.
      commands: {
        'start-handoff': { suggested_key: { default: 'Alt+Shift+H' }, description: 'Start a handoff from this page' },
      },
      // IT policy (docs/it-deployment.md): Chrome and Edge publish an extension's policy in storage.managed
      // only as its schema declares. Firefox reads "3rdparty" policy without a schema, and its manifest
      // has no `storage` key (addons-linter would flag it): Chrome only.
      ...(firefox ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
      // A fixed id for the test build only, so that a test policy file can name it (lib/e2e-extension-key.ts).
      ...(e2e && !firefox ? { key: E2E_EXTENSION_KEY } : {}),
      ...(firefox
        ? {
            browser_specific_settings: {
              gecko: {
                id: 'baton@getbaton.app',
                strict_min_version: '142.0',
                data_collection_permissions: { required: ['none'] },
              },
            },
          }
        : {}),
    };
  },
});
