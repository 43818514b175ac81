// @vitest-environment happy-dom
// The dashboard's Map: the flows table, "Show people", and each flow's "Show handoffs" list.
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { reactRootPerTest } from './react-root';
import { MapPage } from '../../../components/dashboard/map-page';
import { collectFacts } from '../../../lib/metrics/facts';
import { MetricsQuerySchema } from '../../../lib/metrics/query';
import { DEFAULT_TEAM_ROLES } from '../../../lib/model/team';
import { FIXED_CAST, fullStory, LogBuilder } from '../metrics/story';

// The canvas drawing is Chart.js's business; what this test reads is the tables and buttons around it.
vi.mock('../../../components/dashboard/chart-canvas', async (original) => ({ ...(await original<object>()), ChartCanvas: () => null }));

const view = reactRootPerTest(() => ({ ok: true, data: null }));
const HOSTILE = '<script>alert(1)</script>';
const WEEK = MetricsQuerySchema.parse({ from: '2026-03-02', to: '2026-03-08', timeZone: 'UTC' });

function facts() {
  const b = new LogBuilder('m');
  // A role named like markup: shown as text.
  b.add('workspace.updated', FIXED_CAST.jane, 'ws', { roles: DEFAULT_TEAM_ROLES.map((r) => (r.id === 'creative' ? { ...r, name: HOSTILE } : r)) }, '02-01 10:00');
  return collectFacts([...fullStory(), ...b.events]);
}

const table = (name: string) => [...view.host.querySelectorAll('table')].find((t) => t.querySelector('caption')?.textContent === name)!;
const cells = (name: string) => [...table(name).querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
const button = (name: string) => [...view.host.querySelectorAll('button')].find((b) => b.textContent === name)!;

describe('the handoff map', () => {
  it('lists the flows between roles, then between people, and opens the handoffs behind a flow', () => {
    vi.spyOn(browser.windows, 'getCurrent').mockResolvedValue({ id: 7 } as never);
    act(() => view.root.render(createElement(MapPage, { facts: facts(), version: 1, query: WEEK })));
    const flows = cells('Handoff flows');
    expect(flows.map((r) => r.slice(0, 5))).toEqual([
      ['Strategist', HOSTILE, '5', '46 h', '67%'],
      ['Sales', 'Account manager', '2', '2 d', '0%'],
      ['Sales ops', 'Account manager', '2', '41 h', '0%'],
    ]);
    expect(view.host.querySelector('script')).toBeNull();

    const show = button(`Show handoffs Strategist → ${HOSTILE}`);
    expect(show.getAttribute('aria-expanded')).toBe('false');
    act(() => show.click());
    expect(show.getAttribute('aria-expanded')).toBe('true');
    expect(cells(`Handoffs: Strategist → ${HOSTILE}`).map((r) => r[0])).toEqual(['Autumn catalogue brief', 'Brief → creative — Kestrel Bikes', 'Brief → creative — Oakridge Dental', 'Brief → creative — Northwind Outfitters', 'Spring launch brief']);
    expect(document.activeElement?.id).toBe('flow-handoffs-title');

    const people = button('Show people');
    expect(people.getAttribute('aria-pressed')).toBe('false');
    act(() => people.click());
    expect(people.getAttribute('aria-pressed')).toBe('true');
    expect(cells('Handoff flows').map((r) => `${r[0]} → ${r[1]}: ${r[2]}`).sort()).toEqual(['Jane Doe → Ada Lind: 2', 'Jane Doe → Sam Park: 1', 'Jane Doe → Tom Reyes: 4', 'Sam Park → Tom Reyes: 1', 'Tom Reyes → Ada Lind: 1']);
    // The list of the roles' flow closes with the switch.
    expect(view.host.querySelector('#flow-handoffs')).toBeNull();
  });
});
