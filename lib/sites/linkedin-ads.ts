import { digits, identifiers, onHost } from './url-parts';
import type { PageContext, SiteReader } from './types';

export const linkedinAds: SiteReader = {
  site: 'linkedin-ads',
  detect: (url) => onHost(url, ['www.linkedin.com', 'linkedin.com']) && /^\/campaignmanager(\/|$)/.test(url.pathname),
  extract(url) {
    const account = digits(/^\/campaignmanager\/accounts\/([^/]+)/.exec(url.pathname)?.[1]);
    const ctx: PageContext = {
      site: 'linkedin-ads',
      url: url.href,
      identifiers: identifiers(['linkedin-ad-account', account]),
    };
    if (account) ctx.account = { id: account };
    return ctx;
  },
};
