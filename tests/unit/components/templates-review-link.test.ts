// @vitest-environment happy-dom
// Settings → Templates: each template's review is one visible click away, not behind a folded table.
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { reactRootPerTest } from './react-root';
import { TemplatesSection } from '../../../components/options/templates-section';
import { BUILT_IN_TEMPLATES, salesToAm } from '../../../lib/templates';

const view = reactRootPerTest(() => ({ ok: true, data: BUILT_IN_TEMPLATES }));

describe('Settings → Templates', () => {
  it('offers "Review template" for every template, outside its folded details, opening its review on the dashboard', async () => {
    await act(async () => view.root.render(createElement(TemplatesSection, { isAdmin: false })));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    const links = [...view.host.querySelectorAll('a')].filter((a) => a.textContent === 'Review template');
    expect(links).toHaveLength(BUILT_IN_TEMPLATES.length);
    const sales = links.find((a) => a.getAttribute('aria-label') === `Review template: ${salesToAm.name}`)!;
    expect(sales.getAttribute('href')).toBe('/dashboard.html#review/sales-to-am');
    expect(sales.closest('details')).toBeNull();
  });
});
