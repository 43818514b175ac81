import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Template } from '../../../lib/model/template';
import type { Handoff } from '../../../lib/model/handoff';
import { BUILT_IN_TEMPLATES, briefToCreative, newestVersions } from '../../../lib/templates';
import { demoteMe, newTestBackground, type TestBackground } from '../helpers/background';

const seoAudit = {
  id: 'seo-audit',
  kind: 'custom',
  name: 'SEO audit → content',
  description: 'The audit findings a content writer needs before touching a page.',
  fromRole: 'SEO specialist',
  toRole: 'Content writer',
  transfersOwnership: false,
  confirmWithinHours: 24,
  fields: [{ id: 'findings', label: 'Findings', type: 'long_text', required: true, help: 'What the audit found, worst first.' }],
};

let bg: TestBackground;
beforeEach(() => {
  fakeBrowser.reset();
  bg = newTestBackground();
});

describe('templates', () => {
  it('lists the seven built-ins to start with', async () => {
    const templates = await bg.ok<Template[]>({ type: 'templates/list' });
    expect(templates.map((t) => t.id).sort()).toEqual(BUILT_IN_TEMPLATES.map((t) => t.id).sort());
  });

  it('lets an admin add a custom template and save new versions; every version stays listed for the handoffs that use it', async () => {
    const first = await bg.ok<Template>({ type: 'template/save', template: seoAudit });
    expect(first).toMatchObject({ id: 'seo-audit', version: 1, builtIn: false });
    const second = await bg.ok<Template>({ type: 'template/save', template: { ...seoAudit, name: 'SEO audit → copy' } });
    expect(second.version).toBe(2);
    const listed = (await bg.ok<Template[]>({ type: 'templates/list' })).filter((t) => t.id === 'seo-audit');
    expect(listed.map((t) => [t.version, t.name])).toEqual([
      [1, seoAudit.name],
      [2, 'SEO audit → copy'],
    ]);
    expect(newestVersions(listed)).toEqual([expect.objectContaining({ version: 2 })]);
  });

  it('saves an edited built-in as its next version, no longer built in', async () => {
    const edited = await bg.ok<Template>({ type: 'template/save', template: { ...briefToCreative, version: undefined, builtIn: undefined, confirmWithinHours: 8 } });
    expect(edited).toMatchObject({ id: briefToCreative.id, version: briefToCreative.version + 1, builtIn: false, confirmWithinHours: 8 });
    const listed = (await bg.ok<Template[]>({ type: 'templates/list' })).filter((t) => t.id === briefToCreative.id);
    expect(newestVersions(listed)).toEqual([expect.objectContaining({ confirmWithinHours: 8 })]);
    // A handoff started without naming a version takes the edit; one that names v1 keeps v1.
    const client = await bg.ok<{ id: string }>({ type: 'clients/save', client: { name: 'Harbor & Pine', identifiers: '' } });
    const newer = await bg.ok<Handoff>({ type: 'handoff/start', clientId: client.id, templateId: briefToCreative.id });
    expect(newer.templateVersion).toBe(edited.version);
    // The second of the same kind for the same client, started knowingly (the duplicate guard's way past).
    const older = await bg.ok<Handoff>({ type: 'handoff/start', clientId: client.id, templateId: briefToCreative.id, templateVersion: briefToCreative.version, startAnyway: true });
    expect(older.templateVersion).toBe(briefToCreative.version);
  });

  it('refuses a template from a non-admin, and an invalid one, saying why', async () => {
    const invalid = await bg.refused({ type: 'template/save', template: { ...seoAudit, fields: [] } });
    expect(invalid.message).toMatch(/^The template is not valid: fields/);
    await demoteMe(bg);
    const notAdmin = await bg.refused({ type: 'template/save', template: seoAudit });
    expect(notAdmin).toEqual({ code: 'forbidden', message: 'Only an admin can change templates.' });
    expect((await bg.ok<Template[]>({ type: 'templates/list' })).some((t) => t.id === 'seo-audit')).toBe(false);
  });
});
