import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { AD_PLATFORM_HOSTS } from '../lib/sites/hosts';
import { SITE_LABELS } from '../lib/sites/labels';
import { Section } from './section';

type Platform = keyof typeof AD_PLATFORM_HOSTS;
const PLATFORMS = Object.keys(AD_PLATFORM_HOSTS) as Platform[];

/** Each ad platform is an optional host permission, asked for only when the user turns it on. */
export function AdPlatformAccess() {
  const [granted, setGranted] = useState<Partial<Record<Platform, boolean>>>({});
  const [error, setError] = useState<string | undefined>();

  const refresh = async () => {
    const entries = await Promise.all(
      PLATFORMS.map(async (p) => [p, await browser.permissions.contains({ origins: [...AD_PLATFORM_HOSTS[p]] })] as const),
    );
    setGranted(Object.fromEntries(entries));
  };
  useEffect(() => void refresh(), []);

  const toggle = async (platform: Platform, on: boolean) => {
    setError(undefined);
    const origins = [...AD_PLATFORM_HOSTS[platform]];
    try {
      if (on) await browser.permissions.request({ origins });
      else await browser.permissions.remove({ origins });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
    await refresh();
  };

  return (
    <Section title="Ad platforms" description="Baton reads only the platforms you turn on here; your browser asks you to confirm.">
      <ul className="flex flex-col gap-2">
        {PLATFORMS.map((platform) => (
          <li key={platform}>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={granted[platform] ?? false} onChange={(e) => void toggle(platform, e.target.checked)} />
              {SITE_LABELS[platform]}
            </label>
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </Section>
  );
}
