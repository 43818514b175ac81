// @vitest-environment happy-dom
// Settings → Data: the demo agency can be removed again, after a confirm step.
import { act, createElement } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { reactRootPerTest } from './react-root';
import { DataSection } from '../../../components/options/data-section';

const sent: string[] = [];
let stranded: { id: string; title: string }[] = [];
beforeEach(() => {
  sent.length = 0;
  stranded = [];
});
const view = reactRootPerTest((message: { type: string }) => {
  sent.push(message.type);
  if (message.type === 'demo/remove') return { ok: true, data: { clients: 13, handoffs: 6, members: 5 } };
  if (message.type === 'demo/removal-preview') return { ok: true, data: { stranded } };
  return { ok: true, data: [] };
});

const button = (name: string) => [...view.host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);

describe('Remove the demo agency', () => {
  it('asks first; "Keep it" removes nothing', async () => {
    await act(async () => view.root.render(createElement(DataSection)));
    await act(async () => button('Remove the demo agency')!.click());
    expect(view.host.querySelector('[role="group"][aria-label="Confirm removing the demo"]')).not.toBeNull();
    await act(async () => button('Keep it')!.click());
    expect(sent).not.toContain('demo/remove');
    expect(button('Remove the demo agency')).toBeDefined();
    // The confirm step went: focus is back on the button that opened it, not lost on the page.
    expect(document.activeElement).toBe(button('Remove the demo agency'));
  });

  it('removes it once confirmed and says what went', async () => {
    await act(async () => view.root.render(createElement(DataSection)));
    await act(async () => button('Remove the demo agency')!.click());
    await act(async () => button('Remove it')!.click());
    expect(sent.filter((t) => t === 'demo/remove')).toHaveLength(1);
    const status = [...view.host.querySelectorAll('[role="status"]')].map((s) => s.textContent).join(' ');
    expect(status).toContain('Removed the demo agency: 13 clients archived, 6 open handoffs cancelled, 5 people taken off the team.');
    // "Remove it" went with its group: focus is back on the button, not lost on the page.
    expect(document.activeElement).toBe(button('Remove the demo agency'));
  });

  it('names the person’s own open handoffs that go with it before they confirm', async () => {
    stranded = [{ id: 'h-1', title: 'Acme to Dana <script>' }, { id: 'h-2', title: 'Juniper draft' }];
    await act(async () => view.root.render(createElement(DataSection)));
    await act(async () => button('Remove the demo agency')!.click());
    const group = view.host.querySelector('[role="group"][aria-label="Confirm removing the demo"]')!;
    expect(group.textContent).toContain('2 of your own open handoffs are cancelled with it');
    expect([...group.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Acme to Dana <script>', 'Juniper draft']);
  });
});
