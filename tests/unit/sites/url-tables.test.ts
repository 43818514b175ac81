import { describe, expect, it } from 'vitest';
import { readPage, SITE_READERS } from '../../../lib/sites';
import { cases as asana } from '../../fixtures/urls/asana';
import { cases as foreign } from '../../fixtures/urls/foreign';
import { cases as ga4 } from '../../fixtures/urls/ga4';
import { cases as gmail } from '../../fixtures/urls/gmail';
import { cases as googleAds } from '../../fixtures/urls/google-ads';
import { cases as linkedinAds } from '../../fixtures/urls/linkedin-ads';
import { cases as metaAds } from '../../fixtures/urls/meta-ads';
import { cases as microsoftAds } from '../../fixtures/urls/microsoft-ads';
import { cases as tiktokAds } from '../../fixtures/urls/tiktok-ads';
import type { UrlCase } from '../../fixtures/urls/types';
import { keys } from '../helpers/identifiers';

const TABLES: Record<string, UrlCase[]> = {
  gmail,
  asana,
  'google-ads': googleAds,
  'meta-ads': metaAds,
  'linkedin-ads': linkedinAds,
  'microsoft-ads': microsoftAds,
  'tiktok-ads': tiktokAds,
  ga4,
};
const ALL = [...Object.values(TABLES).flat(), ...foreign];

describe('URL tables', () => {
  it.each(Object.entries(TABLES).filter(([site]) => !['gmail', 'asana'].includes(site)))('%s has 20+ cases', (_, table) => {
    expect(table.length).toBeGreaterThanOrEqual(20);
  });

  for (const [site, table] of [...Object.entries(TABLES), ['foreign', foreign] as const]) {
    describe(site, () => {
      it.each(table.map((c) => [c.note ?? c.url, c] as const))('%s', (_, c) => {
        const ctx = readPage(c.url);
        if (c.site === null) {
          expect(ctx).toBeNull();
          return;
        }
        expect(ctx?.site).toBe(c.site);
        expect(keys(ctx?.identifiers)).toEqual(keys(c.identifiers ?? []));
        expect(ctx?.account).toEqual(c.account);
        expect(ctx?.task).toEqual(c.task);
      });
    });
  }
});

describe('detectors', () => {
  // Each detector claims its own URLs and none of the others': a URL belongs to at most one site.
  it.each(SITE_READERS.map((r) => [r.site, r] as const))('%s matches exactly its own table', (site, reader) => {
    for (const c of ALL) {
      let url: URL;
      try {
        url = new URL(c.url);
      } catch {
        continue;
      }
      expect(reader.detect(url), `${site} on ${c.url}`).toBe(c.site === site);
    }
  });
});
