// Representations, as https://developers.asana.com/docs/inputoutput-options describes them: a
// request without `opt_fields` gets the endpoint's default representation (the compact one in
// lists, the full record for a single object); `opt_fields=a,b.c` returns `gid` plus exactly the
// fields named, dotted paths reaching into nested objects (`memberships.section.name`). A nested
// object named without a sub-field comes back as its `{ gid, resource_type }`.
import type { AsanaStore } from './store';
import type { CustomFieldRecord, ProjectRecord, SectionRecord, StoryRecord, TaskRecord, UserRecord, WebhookRecord, WorkspaceRecord } from './types';

type Json = Record<string, unknown>;
type FieldTree = Map<string, FieldTree>;

export function fieldTree(paths: string[]): FieldTree {
  const root: FieldTree = new Map();
  for (const path of paths) {
    let node = root;
    for (const part of path.split('.').filter(Boolean)) {
      let next = node.get(part);
      if (!next) node.set(part, (next = new Map()));
      node = next;
    }
  }
  return root;
}

/** `gid` plus the fields of `tree`; unknown fields are left out (the docs do not say they fail). */
export function select(value: unknown, tree: FieldTree): unknown {
  if (Array.isArray(value)) return value.map((item) => select(item, tree));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Json;
  if (tree.size === 0) return reference(obj);
  const out: Json = {};
  if ('gid' in obj) out.gid = obj.gid;
  for (const [key, sub] of tree) {
    if (key in obj) out[key] = select(obj[key], sub);
  }
  return out;
}

function reference(obj: Json): unknown {
  if ('gid' in obj) return { gid: obj.gid, ...('resource_type' in obj ? { resource_type: obj.resource_type } : {}) };
  // An object without a gid (a membership): its members as references.
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, v !== null && typeof v === 'object' ? select(v, new Map()) : v]));
}

const COMPACT = ['resource_type', 'name'];
const NESTED = (field: string, extra: string[] = []) => [`${field}.resource_type`, `${field}.name`, ...extra.map((e) => `${field}.${e}`)];

/** The default representation of each kind: compact (lists) and full (GET of one object). */
export const DEFAULTS = {
  user: { compact: COMPACT, full: [...COMPACT, 'email', ...NESTED('workspaces')] },
  workspace: { compact: COMPACT, full: [...COMPACT, 'is_organization', 'email_domains'] },
  project: {
    compact: COMPACT,
    full: [...COMPACT, 'archived', 'color', 'created_at', 'modified_at', 'notes', 'permalink_url', 'public', ...NESTED('workspace'), ...NESTED('custom_field_settings.custom_field', ['resource_subtype', 'type'])],
  },
  section: { compact: COMPACT, full: [...COMPACT, 'created_at', ...NESTED('project')] },
  task: {
    compact: [...COMPACT, 'resource_subtype'],
    full: [
      ...COMPACT,
      'resource_subtype',
      ...NESTED('assignee'),
      'assignee_status',
      'completed',
      'completed_at',
      'created_at',
      'modified_at',
      'due_on',
      'due_at',
      'start_on',
      'notes',
      'html_notes',
      ...NESTED('memberships.project'),
      ...NESTED('memberships.section'),
      ...NESTED('projects'),
      ...NESTED('custom_fields', ['resource_subtype', 'type', 'enabled', 'enum_options.name', 'enum_options.enabled', 'enum_options.color', 'enum_options.resource_type', 'enum_value.name', 'enum_value.enabled', 'enum_value.color', 'enum_value.resource_type', 'text_value', 'display_value']),
      ...NESTED('followers'),
      'parent',
      'permalink_url',
      ...NESTED('workspace'),
      'tags',
      'num_subtasks',
      'liked',
      'num_likes',
    ],
  },
  story: {
    compact: ['resource_type', 'created_at', ...NESTED('created_by'), 'resource_subtype', 'text'],
    full: ['resource_type', 'created_at', ...NESTED('created_by'), 'resource_subtype', 'type', 'text', 'html_text', 'is_pinned', 'is_edited', 'source', ...NESTED('target', ['resource_subtype'])],
  },
  webhook: {
    compact: ['resource_type', 'active', ...NESTED('resource'), 'target'],
    full: ['resource_type', 'active', ...NESTED('resource'), 'target', 'created_at', 'last_success_at', 'last_failure_at', 'last_failure_content', 'filters.resource_type', 'filters.resource_subtype', 'filters.action', 'filters.fields', 'delivery_retry_count', 'failure_deletion_timestamp', 'next_attempt_after'],
  },
} as const;

export type Kind = keyof typeof DEFAULTS;

/** Renders a full record with `opt_fields` when given, else with the endpoint's default. */
export function represent(full: Json, kind: Kind, shape: 'compact' | 'full', optFields: string[] | undefined): unknown {
  return select(full, fieldTree(optFields ?? [...DEFAULTS[kind][shape]]));
}

// ---- full records (every field this stand-in knows, nested objects full too) ----

export class Records {
  constructor(private readonly store: AsanaStore) {}

  workspace(w: WorkspaceRecord): Json {
    return { gid: w.gid, resource_type: 'workspace', name: w.name, is_organization: true, email_domains: [] };
  }

  user(u: UserRecord): Json {
    return { gid: u.gid, resource_type: 'user', name: u.name, email: u.email, workspaces: [...this.store.workspaces.values()].map((w) => this.workspace(w)) };
  }

  project(p: ProjectRecord): Json {
    return {
      gid: p.gid,
      resource_type: 'project',
      name: p.name,
      archived: false,
      color: null,
      created_at: p.createdAt,
      modified_at: p.createdAt,
      notes: '',
      public: true,
      permalink_url: `https://app.asana.com/1/${p.workspace}/project/${p.gid}`,
      workspace: this.workspace(this.store.workspaces.get(p.workspace)!),
      custom_field_settings: p.customFields.map((f) => ({
        gid: `${p.gid}-${f}`,
        resource_type: 'custom_field_setting',
        is_important: true,
        custom_field: this.customField(this.store.fields.get(f)!, undefined),
      })),
    };
  }

  section(s: SectionRecord): Json {
    return { gid: s.gid, resource_type: 'section', name: s.name, created_at: s.createdAt, project: this.project(this.store.project(s.project)) };
  }

  /** A custom field with a task's value (`value` undefined: the field alone, as on a project). */
  customField(f: CustomFieldRecord, value: string | null | undefined): Json {
    const base: Json = { gid: f.gid, resource_type: 'custom_field', name: f.name, resource_subtype: f.type, type: f.type, enabled: true, is_formula_field: false };
    if (f.type === 'enum') {
      const options = f.enumOptions.map((o) => ({ gid: o.gid, resource_type: 'enum_option', name: o.name, enabled: o.enabled, color: o.color }));
      base.enum_options = options;
      if (value !== undefined) {
        base.enum_value = options.find((o) => o.gid === value) ?? null;
        base.display_value = (base.enum_value as Json | null)?.name ?? null;
      }
    } else if (value !== undefined) {
      base.text_value = value;
      base.display_value = value;
    }
    return base;
  }

  task(t: TaskRecord): Json {
    const projects = t.memberships.map((m) => this.store.project(m.project));
    const fieldGids = [...new Set(projects.flatMap((p) => p.customFields))];
    const firstProject = projects[0];
    return {
      gid: t.gid,
      resource_type: 'task',
      name: t.name,
      resource_subtype: 'default_task',
      assignee: t.assignee ? this.user(this.store.user(t.assignee)) : null,
      assignee_status: 'upcoming',
      completed: t.completed,
      completed_at: t.completedAt,
      created_at: t.createdAt,
      modified_at: t.modifiedAt,
      due_on: t.dueOn,
      due_at: null,
      start_on: null,
      notes: t.notes,
      html_notes: `<body>${escapeXml(t.notes)}</body>`,
      memberships: t.memberships.map((m) => ({ project: this.project(this.store.project(m.project)), section: this.section(this.store.section(m.section)) })),
      projects: projects.map((p) => this.project(p)),
      custom_fields: fieldGids.map((f) => this.customField(this.store.fields.get(f)!, t.customValues[f] ?? null)),
      followers: t.followers.map((u) => this.user(this.store.user(u))),
      parent: null,
      permalink_url: firstProject ? `https://app.asana.com/1/${t.workspace}/project/${firstProject.gid}/task/${t.gid}` : `https://app.asana.com/1/${t.workspace}/task/${t.gid}`,
      workspace: this.workspace(this.store.workspaces.get(t.workspace)!),
      tags: [],
      num_subtasks: 0,
      liked: false,
      num_likes: 0,
    };
  }

  story(s: StoryRecord): Json {
    const task = this.store.task(s.task);
    return {
      gid: s.gid,
      resource_type: 'story',
      created_at: s.createdAt,
      created_by: this.user(this.store.user(s.createdBy)),
      resource_subtype: s.subtype,
      type: s.type,
      text: s.text,
      ...(s.type === 'comment' ? { html_text: s.htmlText ?? `<body>${escapeXml(s.text)}</body>` } : {}),
      is_pinned: false,
      is_edited: false,
      source: 'api',
      target: { gid: task.gid, resource_type: 'task', name: task.name, resource_subtype: 'default_task' },
    };
  }

  webhook(w: WebhookRecord): Json {
    return {
      gid: w.gid,
      resource_type: 'webhook',
      active: w.active,
      resource: this.resourceRef(w.resource),
      target: w.target,
      created_at: w.createdAt,
      last_success_at: w.lastSuccessAt,
      last_failure_at: w.lastFailureAt,
      last_failure_content: w.lastFailureContent,
      filters: w.filters,
      delivery_retry_count: 0,
      failure_deletion_timestamp: null,
      next_attempt_after: null,
    };
  }

  private resourceRef(gid: string): Json {
    const kind = this.store.kindOf(gid);
    const named = this.store.tasks.get(gid) ?? this.store.projects.get(gid) ?? this.store.workspaces.get(gid);
    return { gid, resource_type: kind ?? 'unknown', name: named?.name ?? '' };
  }
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
