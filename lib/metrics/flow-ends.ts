import type { HandoffFact, MetricFacts } from './facts';
import type { FlowsBy } from './flows';

/** Where a flow runs from and to, as the map names it. */
export interface FlowEnds {
  /** Unique per flow: `role:<from>><to>`, `template:<template id>` (a template without roles) or `person:<sender>><receiver>`. */
  key: string;
  from: string;
  to: string;
  /** Role ids (role flows of templates that name them) or member ids (people flows). */
  fromId?: string;
  toId?: string;
  /** The templates of the flow's handoffs. */
  templateIds: string[];
}

/**
 * The flow a handoff is: between the roles its template version names (a template without roles is
 * its own flow, named by its "from" and "to" text), or between its sender and its receiver now.
 */
export function flowEnds(facts: MetricFacts, by: FlowsBy, roleName: (id: string) => string): (h: HandoffFact) => FlowEnds {
  const member = (id: string | undefined) => (id && facts.members.get(id)) || 'Nobody yet';
  if (by === 'people') {
    return (h) => ({ key: `person:${h.senderId}>${h.receiverId ?? ''}`, from: member(h.senderId), to: member(h.receiverId), fromId: h.senderId, toId: h.receiverId, templateIds: [] });
  }
  const cache = new Map<string, FlowEnds>();
  return (h) => {
    const version = `${h.templateId}@${h.templateVersion}`;
    let ends = cache.get(version);
    if (!ends) {
      const t = facts.template(h.templateId, h.templateVersion);
      if (t?.fromRoleId && t.toRoleId) ends = { key: `role:${t.fromRoleId}>${t.toRoleId}`, from: roleName(t.fromRoleId), to: roleName(t.toRoleId), fromId: t.fromRoleId, toId: t.toRoleId, templateIds: [] };
      else {
        const [from, to] = t ? [t.fromRole, t.toRole] : [h.templateId, h.templateId];
        ends = { key: `template:${h.templateId}`, from, to, templateIds: [] };
      }
      cache.set(version, ends);
    }
    return ends;
  };
}
