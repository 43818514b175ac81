import { digitParam, identifiers, onHost } from './url-parts';
import type { PageContext, SiteReader } from './types';

export const microsoftAds: SiteReader = {
  site: 'microsoft-ads',
  detect: (url) => onHost(url, ['ui.ads.microsoft.com']),
  extract(url) {
    // uid is the signed-in user, the same on every account they operate.
    const aid = digitParam(url, 'aid');
    const ctx: PageContext = {
      site: 'microsoft-ads',
      url: url.href,
      identifiers: identifiers(['microsoft-ads-account', aid], ['microsoft-ads-customer', digitParam(url, 'cid')]),
    };
    if (aid) ctx.account = { id: aid };
    return ctx;
  },
};
