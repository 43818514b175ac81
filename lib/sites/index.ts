import { asana } from './asana';
import { ga4 } from './ga4';
import { gmail } from './gmail';
import { googleAds } from './google-ads';
import { linkedinAds } from './linkedin-ads';
import { metaAds } from './meta-ads';
import { microsoftAds } from './microsoft-ads';
import { tiktokAds } from './tiktok-ads';
import { cleanText } from './url-parts';
import type { PageContext, SiteReader } from './types';

export type * from './types';

/** Every site Baton reads. Detectors are exclusive: a URL matches at most one. */
export const SITE_READERS: readonly SiteReader[] = [gmail, asana, googleAds, metaAds, linkedinAds, microsoftAds, tiktokAds, ga4];

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function readerFor(url: URL | null): SiteReader | null {
  return (url && SITE_READERS.find((reader) => reader.detect(url))) ?? null;
}

export function detectSite(url: string): SiteReader | null {
  return readerFor(parseUrl(url));
}

/** Bounded, so a page cannot make a context too big to store (ARCHITECTURE.md §5). */
const MAX_URL = 4096;

/**
 * What the page is and which identifiers it carries (ARCHITECTURE.md §3.1). Pure and total: unknown
 * pages give null; a document that is not what the reader expects gives what the URL alone says.
 */
export function readPage(url: string, doc?: Document): PageContext | null {
  try {
    const parsed = parseUrl(url);
    const reader = readerFor(parsed);
    if (!parsed || !reader) return null;
    let ctx: PageContext | undefined;
    if (doc) {
      try {
        ctx = reader.extract(parsed, doc);
        const title = cleanText(doc.title, 500);
        if (title && ctx.title === undefined) ctx.title = title;
      } catch {
        // A page we misread still has a URL worth reading.
      }
    }
    ctx ??= reader.extract(parsed);
    ctx.url = ctx.url.slice(0, MAX_URL);
    return ctx;
  } catch {
    return null;
  }
}
