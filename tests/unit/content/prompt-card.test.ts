import { Window } from 'happy-dom';
import { describe, expect, it, vi } from 'vitest';
import { createPromptCard, PROMPT_MARKER, PROMPT_REGION_LABEL } from '../../../lib/content/prompt-card';
import type { PromptItem } from '../../../lib/messaging/protocol';
import { personClick } from '../helpers/dom';

const item = (n: number, overrides: Partial<PromptItem> = {}): PromptItem => ({ handoffId: `h-${n}`, senderName: 'Tom Reyes', clientName: `Client ${n}`, templateName: 'Brief → creative', overdue: false, ...overrides });

function page() {
  const win = new Window({ url: 'https://mail.google.com/mail/u/0/#inbox' });
  const doc = win.document as unknown as Document;
  doc.body.innerHTML = '<input id="search" aria-label="Search mail">';
  const review = vi.fn(async (_id: string): Promise<string | null> => null);
  const snooze = vi.fn(async (id: string): Promise<PromptItem[] | string> => [item(1), item(2)].filter((i) => i.handoffId !== id));
  const controller = new AbortController();
  const card = createPromptCard({ doc, signal: controller.signal, review, snooze });
  const region = () => doc.querySelector(`[${PROMPT_MARKER}]`)?.shadowRoot?.querySelector('section') ?? null;
  const button = (name: string, index = 0) => [...(region()?.querySelectorAll('button') ?? [])].filter((b) => b.textContent === name)[index] as HTMLButtonElement | undefined;
  return { doc, card, region, button, review, snooze, controller };
}

describe('the in-page prompt', () => {
  it('lists each handoff as a sentence with Review and Snooze, in a named region, without taking focus', () => {
    const { doc, card, region, button } = page();
    (doc.getElementById('search') as HTMLInputElement).focus();
    card.show([item(1, { overdue: true }), item(2)]);
    expect(region()?.getAttribute('role')).toBe('region');
    expect(region()?.getAttribute('aria-label')).toBe(PROMPT_REGION_LABEL);
    expect([...region()!.querySelectorAll('li .line')].map((l) => l.textContent)).toEqual(['Tom Reyes handed you Client 1: Brief → creative · overdue', 'Tom Reyes handed you Client 2: Brief → creative']);
    expect(button('Review', 1)?.getAttribute('aria-describedby')).toBe('baton-prompt-h-2');
    expect(button('Snooze')).toBeDefined();
    expect(doc.activeElement?.id).toBe('search');
  });

  it('shows page-supplied names as text, never as markup', () => {
    const { card, region } = page();
    card.show([item(1, { senderName: '<img src=x onerror=alert(1)>' })]);
    expect(region()?.querySelector('img')).toBeNull();
    expect(region()?.textContent).toContain('<img src=x onerror=alert(1)> handed you');
  });

  it('Review opens the handoff; Snooze redraws with what remains; nothing at all removes the card', async () => {
    const { card, region, button, review, snooze } = page();
    card.show([item(1), item(2)]);
    personClick(button('Review', 1)!);
    expect(review).toHaveBeenCalledWith('h-2');
    personClick(button('Snooze', 0)!);
    await vi.waitFor(() => expect(region()?.querySelectorAll('li')).toHaveLength(1));
    expect(snooze).toHaveBeenCalledWith('h-1');
    card.show([]);
    expect(region()).toBeNull();
  });

  it('stays dismissed until a handoff it has not shown arrives', () => {
    const { card, region, button } = page();
    card.show([item(1)]);
    personClick(button('Dismiss')!);
    expect(region()).toBeNull();
    card.show([item(1)]);
    expect(region()).toBeNull();
    card.show([item(1), item(2)]);
    expect(region()?.querySelectorAll('li')).toHaveLength(2);
  });

  it('is removed when the content script stops', () => {
    const { card, region, controller } = page();
    card.show([item(1)]);
    controller.abort();
    expect(region()).toBeNull();
  });
});
