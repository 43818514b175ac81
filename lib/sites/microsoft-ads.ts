import { accountContext, digitParam, identifiers, onHost } from './url-parts';
import type { SiteReader } from './types';

export const microsoftAds: SiteReader = {
  site: 'microsoft-ads',
  detect: (url) => onHost(url, ['ui.ads.microsoft.com']),
  extract(url) {
    // uid is the signed-in user, the same on every account they operate.
    const aid = digitParam(url, 'aid');
    const ids = identifiers(['microsoft-ads-account', aid], ['microsoft-ads-customer', digitParam(url, 'cid')]);
    return accountContext('microsoft-ads', url, ids, aid);
  },
};
