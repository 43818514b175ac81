import { accountContext, digits, identifiers, onHost } from './url-parts';
import type { SiteReader } from './types';

export const linkedinAds: SiteReader = {
  site: 'linkedin-ads',
  detect: (url) => onHost(url, ['www.linkedin.com', 'linkedin.com']) && /^\/campaignmanager(\/|$)/.test(url.pathname),
  extract(url) {
    const account = digits(/^\/campaignmanager\/accounts\/([^/]+)/.exec(url.pathname)?.[1]);
    return accountContext('linkedin-ads', url, identifiers(['linkedin-ad-account', account]), account);
  },
};
