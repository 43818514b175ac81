import { accountContext, digits, identifiers, onHost } from './url-parts';
import type { SiteReader } from './types';

// `#/a123p456/…`, `#/p456/…`, and both after `#/analysis/`. Universal Analytics' `a1w2p3` is not GA4.
const SCOPE = /^#\/(?:analysis\/)?(?:a(\d+))?p(\d+)(?:[/?]|$)/;

export const ga4: SiteReader = {
  site: 'ga4',
  detect: (url) => onHost(url, ['analytics.google.com']) && /^\/analytics\/web(\/|$)/.test(url.pathname),
  extract(url) {
    const match = SCOPE.exec(url.hash);
    const account = digits(match?.[1]);
    const property = digits(match?.[2]);
    return accountContext('ga4', url, identifiers(['ga4-account', account], ['ga4-property', property]), property);
  },
};
