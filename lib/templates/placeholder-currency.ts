import type { Template } from '../model/template';

/** The built-in templates' money examples are written in euros; this is the sign they are written with. */
const AUTHORED_SIGN = /€/g;

/**
 * How a currency's amounts start ("$", "£", "CHF "): its narrow sign, followed by a space when the
 * sign is letters, or the ISO code itself when this runtime's Intl does not know the currency.
 */
export function currencySign(currency: string): string {
  let sign = `${currency} `;
  try {
    const parts = new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).formatToParts(0);
    sign = parts.find((p) => p.type === 'currency')?.value ?? sign;
  } catch {
    // An unknown code: the code itself reads clearly.
  }
  return /\p{L}$/u.test(sign) ? `${sign.trim()} ` : sign;
}

/**
 * A built-in template whose placeholders show money in the workspace's currency: "€15k/month" is
 * "$15k/month" in a USD agency, so no one wonders which currency Baton expects. Custom templates are
 * the agency's own words and stay as written.
 */
export function inWorkspaceCurrency(template: Template, currency: string): Template {
  if (!template.builtIn || currency === 'EUR') return template;
  const sign = currencySign(currency);
  return {
    ...template,
    fields: template.fields.map((field) => (field.placeholder ? { ...field, placeholder: field.placeholder.replace(AUTHORED_SIGN, sign) } : field)),
  };
}
