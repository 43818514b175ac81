import { accountContext, cleanText, digitParam, identifiers, onHost } from './url-parts';
import type { SiteReader } from './types';

const HEADER = 'header, [role="banner"]';
const CUSTOMER_ID = /\b(\d{3})-(\d{3})-(\d{4})\b/;

/**
 * The operated account's customer ID as the header shows it. The header may also show the manager
 * account (breadcrumb), so an element marked as the customer id wins; otherwise the last dashed id in
 * the header, since the operated account follows its manager.
 */
function readCustomer(doc: Document): { id?: string; name?: string } {
  // Only the header: account pickers elsewhere on the page list other accounts' ids.
  const header = doc.querySelector(HEADER);
  if (!header) return {};
  const marked = header.querySelector('.customer-id, [class*="customer-id"], [data-customer-id]');
  const markedText = marked?.getAttribute('data-customer-id') ?? marked?.textContent ?? '';
  let match = CUSTOMER_ID.exec(markedText);
  if (!match) {
    const all = [...(header.textContent ?? '').matchAll(new RegExp(CUSTOMER_ID.source, 'g'))];
    match = all.at(-1) ?? null;
  }
  const id = match ? `${match[1]}${match[2]}${match[3]}` : undefined;
  const scope = marked?.parentElement ?? header;
  const name = cleanText(scope.querySelector('.account-name, [class*="account-name"]')?.textContent, 200);
  return { id, name };
}

export const googleAds: SiteReader = {
  site: 'google-ads',
  // The customer ID is in the header, outside the main area.
  watch: HEADER,
  detect: (url) => onHost(url, ['ads.google.com']) && /^\/aw(\/|$)/.test(url.pathname),
  extract(url, doc) {
    // Only ocid names the operated account; __c, __u, euid, uscid and __e describe the signed-in user.
    // The account id is the ocid when the URL has one, so it does not change as the header renders.
    const ocid = digitParam(url, 'ocid');
    const customer = doc ? readCustomer(doc) : {};
    const ids = identifiers(['google-ads-ocid', ocid], ['google-ads-customer', customer.id]);
    return accountContext('google-ads', url, ids, ocid ?? customer.id, customer.name);
  },
};
