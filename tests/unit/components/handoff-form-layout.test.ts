// @vitest-environment happy-dom
// The handoff form at the side panel's width: who and by when near the top, required fields first, the
// optional ones folded, and Send with the meter in a footer pinned to the panel's bottom; the receiver's
// moves pinned to its top. No JSX here: unit tests are .ts files.
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { AT, handoffOf, teamWith, TOM } from './handoff-fixture';
import { reactRootPerTest } from './react-root';
import { HandoffActions } from '../../../components/panel/handoff-actions';
import { HandoffForm } from '../../../components/panel/handoff-form';
import { WorkspaceContext } from '../../../components/panel/workspace';
import type { Handoff } from '../../../lib/model/handoff';
import { salesToAm } from '../../../lib/templates';

const WORKSPACE = teamWith(salesToAm);
const DRAFT = handoffOf(salesToAm);
const OPTIONAL = salesToAm.fields.filter((f) => !f.required);
const REQUIRED = salesToAm.fields.filter((f) => f.required);

const view = reactRootPerTest(() => ({ ok: true, data: DRAFT }));

function render(element: ReturnType<typeof createElement>, workspace = WORKSPACE): void {
  act(() => view.root.render(createElement(WorkspaceContext.Provider, { value: workspace }, element)));
}
const renderForm = (handoff = DRAFT) => render(createElement(HandoffForm, { handoff, template: salesToAm, onSent: () => {} }));

/** The names of the form's labelled controls and fields, in document order. */
function controlNames(): string[] {
  const names = [...view.host.querySelectorAll('form label, form legend')].map((l) => l.firstChild?.textContent?.trim() ?? '');
  return names.filter(Boolean);
}
/** A button's name as a screen reader reads it: its text without what is aria-hidden. */
function nameOf(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((e) => e.remove());
  return copy.textContent?.trim() ?? '';
}
const button = (name: string) => [...view.host.querySelectorAll('button')].find((b) => nameOf(b) === name);

describe('the handoff form’s layout', () => {
  it('puts Title, Receiver and Confirm by first, then every required field, with the optional ones folded', () => {
    renderForm();
    const names = controlNames();
    expect(names.slice(0, 3)).toEqual(['Title', 'Receiver', 'Confirm by']);
    const fieldNames = names.filter((n) => salesToAm.fields.some((f) => f.label === n));
    expect(fieldNames).toEqual(REQUIRED.map((f) => f.label));

    const fold = button(`Optional details (${OPTIONAL.length})`)!;
    expect(fold.getAttribute('aria-expanded')).toBe('false');
    act(() => fold.click());
    expect(fold.getAttribute('aria-expanded')).toBe('true');
    expect(controlNames().filter((n) => salesToAm.fields.some((f) => f.label === n))).toEqual([...REQUIRED, ...OPTIONAL].map((f) => f.label));
    act(() => fold.click());
    expect(controlNames()).not.toContain(OPTIONAL[0]!.label);
  });

  it('opens the optional details by itself when one of them holds a value', () => {
    renderForm({ ...DRAFT, fields: { budget: '$15k/month media' } });
    expect(button(`Optional details (${OPTIONAL.length})`)!.getAttribute('aria-expanded')).toBe('true');
    expect(view.host.querySelector<HTMLInputElement>('#field-budget-control')!.value).toBe('$15k/month media');
  });

  it('pins the completeness meter and "Send handoff" in a footer at the panel’s bottom, after every field', () => {
    renderForm();
    const footer = view.host.querySelector<HTMLElement>('[data-testid="send-footer"]')!;
    expect(footer.className).toMatch(/\bsticky\b/);
    expect(footer.className).toMatch(/\bbottom-0\b/);
    expect(footer.className).toMatch(/dark:bg-/);
    expect(footer.querySelector('[role="progressbar"]')!.getAttribute('aria-valuetext')).toBe(`0 of ${REQUIRED.length} required fields complete`);
    expect(footer.querySelector('button[type="submit"]')!.textContent).toBe('Send handoff');
    const form = view.host.querySelector('form')!;
    expect(form.lastElementChild).toBe(footer);
  });

  it('shows why a send was refused in the footer, beside the button that was pressed', async () => {
    renderForm();
    await act(async () => button('Send handoff')!.click());
    const footer = view.host.querySelector<HTMLElement>('[data-testid="send-footer"]')!;
    expect(footer.querySelector('[role="alert"]')!.textContent).toBe('Choose who receives this handoff.');
  });
});

describe('the receiver’s moves', () => {
  it('sit in a bar pinned to the top of the panel', () => {
    const sent: Handoff = { ...DRAFT, state: 'sent', receiverId: TOM.id, sentAt: AT };
    render(createElement(HandoffActions, { handoff: sent, template: salesToAm }), { ...WORKSPACE, me: TOM });
    const bar = view.host.querySelector<HTMLElement>('[data-testid="handoff-actions"]')!;
    expect(bar.className).toMatch(/\bsticky\b/);
    expect(bar.className).toMatch(/\btop-0\b/);
    expect([...bar.querySelectorAll('button')].map((b) => b.textContent)).toEqual(expect.arrayContaining(['Confirm receipt', 'Raise gaps']));
  });
});
