import { digitParam, identifiers, onHost } from './url-parts';
import type { PageContext, SiteReader } from './types';

export const tiktokAds: SiteReader = {
  site: 'tiktok-ads',
  detect: (url) => onHost(url, ['ads.tiktok.com']),
  extract(url) {
    const advertiser = digitParam(url, 'aadvid');
    const ctx: PageContext = {
      site: 'tiktok-ads',
      url: url.href,
      identifiers: identifiers(['tiktok-advertiser', advertiser]),
    };
    if (advertiser) ctx.account = { id: advertiser };
    return ctx;
  },
};
