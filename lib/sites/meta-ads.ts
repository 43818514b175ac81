import { accountContext, digitParam, digits, identifiers, onHost } from './url-parts';
import type { SiteReader } from './types';

export const metaAds: SiteReader = {
  site: 'meta-ads',
  detect: (url) =>
    onHost(url, ['adsmanager.facebook.com', 'business.facebook.com']) ||
    (onHost(url, ['www.facebook.com', 'facebook.com', 'web.facebook.com']) && /^\/adsmanager(\/|$)/.test(url.pathname)),
  extract(url) {
    const act = digits(url.searchParams.get('act')?.trim().replace(/^act_/, ''));
    const ids = identifiers(['meta-ad-account', act], ['meta-business', digitParam(url, 'business_id')]);
    return accountContext('meta-ads', url, ids, act);
  },
};
