import { digits, digitParam, identifiers, onHost } from './url-parts';
import type { PageContext, SiteReader } from './types';

export const metaAds: SiteReader = {
  site: 'meta-ads',
  detect: (url) =>
    onHost(url, ['adsmanager.facebook.com', 'business.facebook.com']) ||
    (onHost(url, ['www.facebook.com', 'facebook.com', 'web.facebook.com']) && /^\/adsmanager(\/|$)/.test(url.pathname)),
  extract(url) {
    const act = digits(url.searchParams.get('act')?.trim().replace(/^act_/, ''));
    const ctx: PageContext = {
      site: 'meta-ads',
      url: url.href,
      identifiers: identifiers(['meta-ad-account', act], ['meta-business', digitParam(url, 'business_id')]),
    };
    if (act) ctx.account = { id: act };
    return ctx;
  },
};
