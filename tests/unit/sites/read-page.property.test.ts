import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { IdentifierSchema } from '../../../lib/model/identifier';
import { PageContextSchema } from '../../../lib/model/page-context';
import { readPage } from '../../../lib/sites';

// URLs near the sites Baton reads (where parsers actually run), plus anything at all.
const hosts = fc.constantFrom(
  'mail.google.com', 'app.asana.com', 'ads.google.com', 'adsmanager.facebook.com', 'business.facebook.com',
  'www.facebook.com', 'www.linkedin.com', 'ui.ads.microsoft.com', 'ads.tiktok.com', 'analytics.google.com',
  'mail.google.com.evil.test', 'example.com',
);
const segment = fc.oneof(
  fc.constantFrom('mail', 'u', '0', '1', 'aw', 'overview', 'project', 'task', 'campaignmanager', 'accounts', 'analytics', 'web', 'adsmanager', 'i18n', 'list', 'f', 'inbox', 'analysis'),
  fc.stringMatching(/^\d{1,20}$/),
  fc.string({ maxLength: 12 }),
  fc.string({ minLength: 1000, maxLength: 3000 }),
);
const param = fc.tuple(
  fc.constantFrom('ocid', 'act', 'business_id', 'aid', 'cid', 'uid', 'aadvid', 'authuser', '__c', 'euid', 'x'),
  fc.oneof(fc.stringMatching(/^\d{1,20}$/), fc.string({ maxLength: 16 }), fc.constant('act_123'), fc.constant('%37%38')),
);
const hash = fc.oneof(
  fc.constant(''),
  fc.stringMatching(/^#\/(analysis\/)?(a\d{1,10})?p\d{1,12}(\/[a-z]{0,8})?$/),
  fc.stringMatching(/^#(inbox|sent|label\/[A-Za-z%2F]{1,10}|search\/[a-z+]{1,10})(\/[0-9a-fA-F]{16}|\/FMfcg[A-Za-z]{6})?$/),
  fc.string({ maxLength: 30 }).map((s) => `#${s}`),
  // Long values: a page must not be able to produce a context too big for the background to accept.
  fc.string({ minLength: 500, maxLength: 5000 }).map((s) => `#search/${encodeURIComponent(s)}`),
);
const siteUrl = fc
  .tuple(fc.constantFrom('https', 'http'), hosts, fc.array(segment, { maxLength: 7 }), fc.array(param, { maxLength: 5 }), hash)
  .map(([scheme, host, path, params, h]) => {
    const query = params.map(([k, v]) => `${k}=${v}`).join('&');
    return `${scheme}://${host}/${path.map(encodeURIComponent).join('/')}${query ? `?${query}` : ''}${h}`;
  });
const anyUrl = fc.oneof({ weight: 6, arbitrary: siteUrl }, { weight: 1, arbitrary: fc.webUrl() }, { weight: 1, arbitrary: fc.string() });

// DOM trees built from the very selectors the readers use, with hostile and malformed attribute values.
const attrValue = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.emailAddress(),
  fc.constantFrom('thread-f:1828374650192837465', '195198d4e5f0a3b2', '#msg-f:1', '482-019-3375', '<img src=x onerror=alert(1)>', '', ' '),
);
const attribute = fc.tuple(
  fc.constantFrom('class', 'email', 'name', 'data-thread-perm-id', 'data-legacy-thread-id', 'data-message-id', 'data-thread-id', 'aria-label', 'role', 'data-customer-id'),
  attrValue,
);
const classAttr = fc.constantFrom('hP', 'adn', 'gD', 'g2', 'zF', 'yP', 'zA zE', 'zA yO', 'customer-id', 'account-name', 'x');
const tag = fc.constantFrom('div', 'span', 'h2', 'table', 'tr', 'td', 'a', 'header', 'textarea', 'p');
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const element = (children: fc.Arbitrary<string[]>) =>
  fc.tuple(tag, classAttr, fc.array(attribute, { maxLength: 3 }), fc.string({ maxLength: 20 }), children).map(([t, cls, attrs, text, kids]) => {
    const a = attrs.map(([k, v]) => ` ${k}="${escape(v)}"`).join('');
    return `<${t} class="${cls}"${a}>${escape(text)}${kids.join('')}</${t}>`;
  });
const { tree } = fc.letrec<{ tree: string }>((rec) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, element(fc.constant([])), element(fc.array(rec('tree'), { maxLength: 3 }))),
}));
const page = fc.tuple(fc.string({ maxLength: 40 }), fc.array(tree, { maxLength: 4 })).map(
  ([title, body]) => `<!doctype html><html><head><title>${escape(title)}</title></head><body><div role="main">${body.join('')}</div></body></html>`,
);

describe('readPage on arbitrary input', () => {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  const parser = new window.DOMParser();

  it('never throws and always returns null or a valid PageContext (10,000 URL and DOM pairs)', () => {
    fc.assert(
      fc.property(anyUrl, fc.option(page, { freq: 4 }), (url, html) => {
        const doc = html === null ? undefined : (parser.parseFromString(html, 'text/html') as unknown as Document);
        const ctx = readPage(url, doc);
        if (ctx === null) return;
        const parsed = PageContextSchema.safeParse(ctx);
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
        // Every identifier is in its normal form, so it can match one a person typed.
        for (const id of ctx.identifiers) expect(IdentifierSchema.safeParse(id).success, `${id.kind}:${id.value}`).toBe(true);
        expect(JSON.parse(JSON.stringify(ctx))).toEqual(ctx);
      }),
      { numRuns: 10_000 },
    );
  }, 120_000);

  it('a document that is not what the reader expects still gives what the URL gives', () => {
    fc.assert(
      fc.property(siteUrl, page, (url, html) => {
        const fromUrl = readPage(url);
        const withDoc = readPage(url, parser.parseFromString(html, 'text/html') as unknown as Document);
        expect(withDoc?.site).toBe(fromUrl?.site);
        // The URL's own identifiers survive whatever the page holds (Gmail's thread id aside: a loaded
        // heading names it the same way).
        const urlKeys = (fromUrl?.identifiers ?? []).map((i) => `${i.kind}:${i.value}`);
        const docKeys = new Set((withDoc?.identifiers ?? []).map((i) => `${i.kind}:${i.value}`));
        for (const key of urlKeys) expect(docKeys.has(key)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  }, 120_000);
});
