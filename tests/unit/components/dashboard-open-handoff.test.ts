// @vitest-environment happy-dom
// A dashboard row opens its handoff in the side panel of the dashboard's window.
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { reactRootPerTest } from './react-root';
import { WindowIdProvider } from '../../../components/dashboard/open-in-panel';
import { OpenHandoffsTable } from '../../../components/dashboard/tables';
import type { Metrics } from '../../../lib/metrics';

const sent: unknown[] = [];
const view = reactRootPerTest((message) => {
  sent.push(message);
  return { ok: true, data: null };
});

const ROW = {
  id: 'h-1',
  title: 'Northwind — Q3 launch',
  clientId: 'c-1',
  clientName: 'Northwind',
  templateName: 'Sales → account management',
  state: 'sent' as const,
  senderName: 'Sam',
  receiverName: 'Ana',
  sentAt: '2026-03-01T10:00:00.000Z',
  dueBy: '2026-03-02T10:00:00.000Z',
  overdueHours: 3,
  reconfirm: false,
};

describe('the dashboard’s open handoffs', () => {
  it('open in the side panel, on that handoff', async () => {
    vi.spyOn(browser.windows, 'getCurrent').mockResolvedValue({ id: 7 } as never);
    const open = vi.fn(() => Promise.resolve());
    (browser as unknown as { sidePanel: unknown }).sidePanel = { open };
    const metrics = { open: [ROW], currency: 'USD' } as unknown as Metrics;
    await act(async () => view.root.render(createElement(WindowIdProvider, null, createElement(OpenHandoffsTable, { metrics }))));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    const button = [...view.host.querySelectorAll('table button')].find((b) => b.textContent === ROW.title) as HTMLButtonElement;
    expect(button).toBeDefined();
    await act(async () => button.click());
    expect(open).toHaveBeenCalledWith({ windowId: 7 });
    expect(sent).toContainEqual({ type: 'panel/intent', windowId: 7, intent: { kind: 'handoff', handoffId: 'h-1' } });
    expect(view.host.querySelector('[role="alert"]')).toBeNull();
    delete (browser as unknown as { sidePanel?: unknown }).sidePanel;
  });

  it('a handoff confirmed once and sent back by an edit says it awaits confirmation again (it is also counted as confirmed)', async () => {
    vi.spyOn(browser.windows, 'getCurrent').mockResolvedValue({ id: 7 } as never);
    const metrics = { open: [{ ...ROW, reconfirm: true }, { ...ROW, id: 'h-2', title: 'Never confirmed' }], currency: 'USD' } as unknown as Metrics;
    await act(async () => view.root.render(createElement(WindowIdProvider, null, createElement(OpenHandoffsTable, { metrics }))));
    const rows = [...view.host.querySelectorAll('tbody tr')].map((r) => r.querySelectorAll('td, th')[3]?.textContent);
    expect(rows).toEqual(['State: Sent · confirm again', 'State: Sent']);
  });
});
