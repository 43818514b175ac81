// @vitest-environment happy-dom
// The form's pinned footer and the receiver's pinned actions leave room for the focused control: the page keeps
// scroll padding their height (plus a margin) while they show, so tabbing never leaves a field under a bar.
// No JSX here: unit tests are .ts files.
import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { handoffOf, ME, teamWith, TOM } from './handoff-fixture';
import { reactRootPerTest } from './react-root';
import { HandoffActions } from '../../../components/panel/handoff-actions';
import { HandoffForm } from '../../../components/panel/handoff-form';
import { WorkspaceContext } from '../../../components/panel/workspace';
import { salesToAm } from '../../../lib/templates';

const view = reactRootPerTest(() => ({ ok: true, data: handoffOf(salesToAm) }));
const root = () => document.documentElement.style;

function barsAre(height: number): void {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ x: 0, y: 0, top: 0, left: 0, right: 360, bottom: height, width: 360, height, toJSON: () => ({}) } as DOMRect);
}

describe('scroll padding for the pinned bars', () => {
  it('the draft’s Send footer: padding at the bottom while the form shows, none after', () => {
    barsAre(64);
    act(() => view.root.render(createElement(WorkspaceContext.Provider, { value: teamWith(salesToAm) }, createElement(HandoffForm, { handoff: handoffOf(salesToAm), template: salesToAm, onSent: () => {} }))));
    expect(root().scrollPaddingBottom).toBe('72px');
    act(() => view.root.render(null));
    expect(root().scrollPaddingBottom).toBe('');
  });

  it('the receiver’s actions: padding at the top', () => {
    barsAre(90);
    const sent = handoffOf(salesToAm, { state: 'sent', senderId: TOM.id, receiverId: ME.id, sentAt: handoffOf(salesToAm).createdAt });
    act(() => view.root.render(createElement(WorkspaceContext.Provider, { value: teamWith(salesToAm) }, createElement(HandoffActions, { handoff: sent, template: salesToAm }))));
    expect(root().scrollPaddingTop).toBe('98px');
    act(() => view.root.render(null));
    expect(root().scrollPaddingTop).toBe('');
  });
});
