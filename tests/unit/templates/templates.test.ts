import { describe, expect, it } from 'vitest';
import { FIELD_TYPES, TemplateSchema, type FieldType, type Template } from '../../../lib/model/template';
import { SITES } from '../../../lib/sites/types';
import { BUILT_IN_TEMPLATES, briefToCreative, findTemplate, suggestTemplates } from '../../../lib/templates';

const byId = (id: string): Template => {
  const t = BUILT_IN_TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`no built-in template ${id}`);
  return t;
};

// The minimum content DOMAIN.md and issue 3 require, field id → type. Each must be required.
const REQUIRED: Record<string, Record<string, FieldType>> = {
  'sales-to-am': {
    primary_goals: 'list',
    objections: 'list',
    deliverables: 'list',
    timeline: 'long_text',
    stakeholders: 'people',
    commitments: 'kpi_targets',
  },
  'brief-to-creative': {
    objective: 'long_text',
    audience: 'long_text',
    deliverables: 'list',
    tone_of_voice: 'link',
    brand_guidelines: 'link',
    walkthrough: 'date',
    deadline: 'date',
    approvers: 'people',
    considered_and_rejected: 'long_text',
  },
  'am-transition': {
    campaign_history: 'long_text',
    key_decisions: 'decisions',
    client_preferences: 'list',
    political_sensitivities: 'long_text',
    open_items: 'action_items',
    stakeholder_map: 'people',
    upcoming_deadlines: 'list',
    access_to_move: 'list',
  },
  'strategy-to-media': { kpi_targets: 'kpi_targets', tracking_checklist: 'checklist', creative_assets: 'link' },
  'launch-to-reporting': { baseline_period: 'short_text', kpi_targets: 'kpi_targets', dashboard_link: 'link' },
  coverage: { cover_start: 'date', return_date: 'date', open_items: 'action_items', escalation_contacts: 'people' },
  'client-offboarding': { offboarding_checklist: 'checklist', final_report: 'link', accesses_to_revoke: 'list' },
};

const KINDS: Record<string, Template['kind']> = {
  'sales-to-am': 'sales_to_am',
  'brief-to-creative': 'brief_to_creative',
  'strategy-to-media': 'strategy_to_media',
  'launch-to-reporting': 'launch_to_reporting',
  'am-transition': 'am_transition',
  coverage: 'coverage',
  'client-offboarding': 'offboarding',
};

describe('built-in templates', () => {
  it('are the seven handoffs of DOMAIN.md, with unique ids and kinds', () => {
    expect(BUILT_IN_TEMPLATES).toHaveLength(7);
    expect(new Set(BUILT_IN_TEMPLATES.map((t) => t.id)).size).toBe(7);
    expect(new Set(BUILT_IN_TEMPLATES.map((t) => t.kind)).size).toBe(7);
    for (const [id, kind] of Object.entries(KINDS)) expect(byId(id).kind).toBe(kind);
  });

  it.each(BUILT_IN_TEMPLATES.map((t) => [t.id, t] as const))('%s parses with TemplateSchema unchanged', (_id, t) => {
    const parsed = TemplateSchema.safeParse(t);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    // Nothing trimmed or defaulted away: the constant is already in its canonical form.
    expect(parsed.data).toEqual(t);
    expect(t.version).toBe(1);
    expect(t.builtIn).toBe(true);
  });

  it.each(Object.entries(REQUIRED))('%s has its minimum content as required fields', (id, fields) => {
    const t = byId(id);
    for (const [fieldId, type] of Object.entries(fields)) {
      const f = t.fields.find((x) => x.id === fieldId);
      expect(f, `${id}.${fieldId}`).toBeDefined();
      expect(f?.type, `${id}.${fieldId}`).toBe(type);
      expect(f?.required, `${id}.${fieldId}`).toBe(true);
    }
  });

  it('stays concise enough to be filled in: 6 to 10 fields each', () => {
    for (const t of BUILT_IN_TEMPLATES) {
      expect(t.fields.length, t.id).toBeGreaterThanOrEqual(6);
      expect(t.fields.length, t.id).toBeLessThanOrEqual(10);
    }
  });

  it('gives every field help a busy account manager can act on, and a short sentence-case label', () => {
    for (const t of BUILT_IN_TEMPLATES) {
      for (const f of t.fields) {
        const where = `${t.id}.${f.id}`;
        expect(f.help.length, where).toBeGreaterThanOrEqual(40);
        expect(f.label.length, where).toBeLessThanOrEqual(40);
        expect(f.label[0], where).toBe(f.label[0]?.toUpperCase());
        expect(FIELD_TYPES).toContain(f.type);
      }
    }
  });

  it('gives every checklist field its items, and only checklists have items', () => {
    for (const t of BUILT_IN_TEMPLATES) {
      for (const f of t.fields) {
        if (f.type === 'checklist') expect(f.items?.length ?? 0, `${t.id}.${f.id}`).toBeGreaterThan(0);
        else expect(f.items, `${t.id}.${f.id}`).toBeUndefined();
      }
    }
  });

  it('transfers ownership exactly for the sales, AM transition and coverage handoffs', () => {
    const owners = BUILT_IN_TEMPLATES.filter((t) => t.transfersOwnership).map((t) => t.id).sort();
    expect(owners).toEqual(['am-transition', 'coverage', 'sales-to-am']);
    for (const t of BUILT_IN_TEMPLATES) expect(t.confirmWithinHours).toBeGreaterThanOrEqual(24);
    for (const t of BUILT_IN_TEMPLATES) expect(t.confirmWithinHours).toBeLessThanOrEqual(72);
  });

  it('tells people the lessons of the failure stories where they fill the field in', () => {
    const help = (id: string, field: string) => byId(id).fields.find((f) => f.id === field)?.help ?? '';
    expect(help('sales-to-am', 'commitments')).toMatch(/ROAS/);
    expect(help('sales-to-am', 'commitments')).toMatch(/benchmark/i);
    expect(help('brief-to-creative', 'tone_of_voice')).toMatch(/refreshed brand voice/i);
    expect(help('brief-to-creative', 'walkthrough')).toMatch(/30 minutes/);
    expect(help('am-transition', 'access_to_move')).toMatch(/never paste/i);
    expect(help('am-transition', 'key_decisions')).toMatch(/considered and rejected/i);
  });
});

describe('findTemplate', () => {
  // A workspace's own revision of a built-in: plain data through the same schema.
  const briefV2 = TemplateSchema.parse({
    ...briefToCreative,
    version: 2,
    builtIn: false,
    fields: [
      ...briefToCreative.fields,
      {
        id: 'legal_review',
        label: 'Legal review',
        type: 'people',
        required: true,
        help: 'Who in the client’s legal team reviews claims before anything goes live, with their email.',
      },
    ],
  });
  const templates = [...BUILT_IN_TEMPLATES, briefV2];

  it('returns the latest version when no version is given', () => {
    const t = findTemplate(templates, 'brief-to-creative');
    expect(t?.version).toBe(2);
    expect(t?.fields.map((f) => f.id)).toContain('legal_review');
  });

  it('returns the version asked for', () => {
    expect(findTemplate(templates, 'brief-to-creative', 1)).toBe(briefToCreative);
    expect(findTemplate(templates, 'brief-to-creative', 2)).toBe(briefV2);
  });

  it('is order-independent and returns undefined for unknown ids or versions', () => {
    expect(findTemplate([briefV2, briefToCreative], 'brief-to-creative')?.version).toBe(2);
    expect(findTemplate(templates, 'brief-to-creative', 3)).toBeUndefined();
    expect(findTemplate(templates, 'no-such-template')).toBeUndefined();
    expect(findTemplate([], 'sales-to-am')).toBeUndefined();
    expect(findTemplate(BUILT_IN_TEMPLATES, 'sales-to-am')?.kind).toBe('sales_to_am');
  });
});

describe('custom templates', () => {
  const base = {
    id: 'seo-audit',
    version: 1,
    kind: 'custom',
    name: 'SEO audit → content',
    description: 'Hands audit findings to the content team.',
    fromRole: 'SEO specialist',
    toRole: 'Content team',
    transfersOwnership: false,
    confirmWithinHours: 48,
    builtIn: false,
    fields: [
      { id: 'findings', label: 'Findings', type: 'list', required: true, help: 'One finding per line, worst first, with the page it is about.' },
      { id: 'audit_link', label: 'Audit', type: 'link', required: true, help: 'Link to the full audit document, shared with the content team.' },
    ],
  };

  it('accepts a well-formed one', () => {
    expect(TemplateSchema.safeParse(base).success).toBe(true);
  });

  it('rejects duplicate field ids', () => {
    const bad = { ...base, fields: [...base.fields, { ...base.fields[0] }] };
    const r = TemplateSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain('field ids must be unique');
  });

  it('rejects an unknown field type', () => {
    const bad = { ...base, fields: [{ ...base.fields[0], type: 'rich_text' }] };
    const r = TemplateSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['fields', 0, 'type']);
  });

  it('rejects an empty (or blank) label', () => {
    for (const label of ['', '   ']) {
      const r = TemplateSchema.safeParse({ ...base, fields: [{ ...base.fields[0], label }] });
      expect(r.success, JSON.stringify(label)).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(['fields', 0, 'label']);
    }
  });

  it('rejects non-snake_case field ids, no fields and an unknown kind', () => {
    expect(TemplateSchema.safeParse({ ...base, fields: [{ ...base.fields[0], id: 'Audit Link' }] }).success).toBe(false);
    expect(TemplateSchema.safeParse({ ...base, fields: [] }).success).toBe(false);
    expect(TemplateSchema.safeParse({ ...base, kind: 'pitch' }).success).toBe(false);
  });
});

describe('suggestTemplates', () => {
  const ids = (site: Parameters<typeof suggestTemplates>[0]) => suggestTemplates(site).map((t) => t.id);

  it('returns all seven built-ins on every site, each once', () => {
    for (const site of SITES) {
      expect([...ids(site)].sort(), site).toEqual(BUILT_IN_TEMPLATES.map((t) => t.id).sort());
    }
  });

  it('puts sales and brief handoffs first on an email thread', () => {
    expect(ids('gmail').slice(0, 2)).toEqual(['sales-to-am', 'brief-to-creative']);
  });

  it('puts brief and media handoffs first in Asana', () => {
    expect(ids('asana').slice(0, 2)).toEqual(['brief-to-creative', 'strategy-to-media']);
  });

  it('puts launch and reporting handoffs first on ad platforms and GA4', () => {
    for (const site of ['google-ads', 'meta-ads', 'linkedin-ads', 'microsoft-ads', 'tiktok-ads', 'ga4'] as const) {
      expect([...ids(site).slice(0, 2)].sort(), site).toEqual(['launch-to-reporting', 'strategy-to-media']);
    }
    expect(ids('google-ads')[0]).toBe('strategy-to-media');
    expect(ids('ga4')[0]).toBe('launch-to-reporting');
  });

  it('does not let callers mutate the built-in list', () => {
    const list = suggestTemplates('gmail');
    list.reverse();
    expect(BUILT_IN_TEMPLATES[0]?.id).toBe('sales-to-am');
    expect(Object.isFrozen(BUILT_IN_TEMPLATES)).toBe(true);
  });
});
