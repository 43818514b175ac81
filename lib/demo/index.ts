import type { BatonEvent } from '../model/event';
import type { Member, Workspace } from '../model/member';

/**
 * The demo agency as events, authored by its members, with `me` as one of them (so handoffs await
 * the person trying Baton). Placeholder until the demo data lands in this same session.
 */
export function buildDemo(_me: Member, _workspace: Workspace, _now: Date): BatonEvent[] {
  return [];
}
