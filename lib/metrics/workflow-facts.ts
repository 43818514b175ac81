import { TeamRolesSchema, type TeamRole } from '../model/team';

/** What the handoff map needs of a workflow rule: whether it is on, and the template it starts. */
export interface RuleFact {
  id: string;
  name: string;
  enabled: boolean;
  templateId: string;
}

/**
 * The workspace's team roles and rules as the log sets them (lib/events/reduce-workflow.ts): the
 * map names its flows by role and marks the ones a rule automates. Read defensively, like the fold.
 */
export class WorkflowFacts {
  /** The roles an admin set; undefined: the defaults (teamRoles()). */
  roles: TeamRole[] | undefined = undefined;
  readonly rules = new Map<string, RuleFact>();

  /** `roles` of `workspace.created`'s workspace or of `workspace.updated`; absent changes nothing. */
  setRoles(raw: unknown): void {
    if (raw === undefined) return;
    const parsed = TeamRolesSchema.safeParse(raw);
    if (parsed.success) this.roles = parsed.data;
  }

  /** `rule.saved`: false when the payload is not a rule. */
  saved(raw: unknown): boolean {
    const r = raw as { id?: unknown; name?: unknown; enabled?: unknown; start?: { templateId?: unknown } } | null;
    if (!r || typeof r.id !== 'string' || typeof r.name !== 'string' || typeof r.enabled !== 'boolean' || typeof r.start?.templateId !== 'string') return false;
    this.rules.set(r.id, { id: r.id, name: r.name, enabled: r.enabled, templateId: r.start.templateId });
    return true;
  }

  deleted(ruleId: string): boolean {
    return this.rules.delete(ruleId);
  }

  toJSON(): { roles: TeamRole[] | null; rules: RuleFact[] } {
    return { roles: this.roles ?? null, rules: [...this.rules.values()] };
  }

  /** From a saved copy; false when it is not one. */
  read(raw: { roles?: unknown; rules?: unknown } | undefined): boolean {
    if (!raw || !Array.isArray(raw.rules)) return false;
    if (raw.roles !== null) this.setRoles(raw.roles);
    for (const r of raw.rules as Partial<RuleFact>[]) {
      if (typeof r?.id !== 'string' || typeof r.name !== 'string' || typeof r.enabled !== 'boolean' || typeof r.templateId !== 'string') return false;
      this.rules.set(r.id, { id: r.id, name: r.name, enabled: r.enabled, templateId: r.templateId });
    }
    return true;
  }
}
