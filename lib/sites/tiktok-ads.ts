import { accountContext, digitParam, identifiers, onHost } from './url-parts';
import type { SiteReader } from './types';

export const tiktokAds: SiteReader = {
  site: 'tiktok-ads',
  detect: (url) => onHost(url, ['ads.tiktok.com']),
  extract(url) {
    const advertiser = digitParam(url, 'aadvid');
    return accountContext('tiktok-ads', url, identifiers(['tiktok-advertiser', advertiser]), advertiser);
  },
};
