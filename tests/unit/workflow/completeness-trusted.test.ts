import { describe, expect, it } from 'vitest';
import { buildDemo } from '../../../lib/demo';
import { makeEvent } from '../../../lib/events/make-event';
import { replay } from '../../../lib/events/memory-model';
import type { Member } from '../../../lib/model/member';
import { BUILT_IN_TEMPLATES } from '../../../lib/templates';
import { assessCompleteness } from '../../../lib/workflow/completeness';
import { COMPLETE_BRIEF } from '../helpers/handoffs';

describe('completeness of values read back from the log (trusted)', () => {
  it('says what the full check says, for every handoff of the demo agency and every template', () => {
    const me: Member = { id: 'me', name: 'Me Myself', email: 'me@example.com', role: 'admin' };
    const created = makeEvent('workspace.created', 'me', 'ws', { workspace: { id: 'ws', name: 'Mine' }, admin: me }, { id: 'ws-created', at: '2026-01-01T00:00:00.000Z' });
    const { model, rejected } = replay([created, ...buildDemo(me, { id: 'ws', name: 'Mine', ownDomains: [], hourlyRate: 75, currency: 'USD', createdAt: created.at }, new Date('2026-03-09T12:00:00.000Z'))]);
    expect(rejected).toEqual([]);
    const handoffs = [...model.handoffs.values()];
    expect(handoffs.length).toBeGreaterThan(10);
    for (const h of handoffs) {
      const template = model.template(h.templateId, h.templateVersion)!;
      expect(assessCompleteness(template, h.fields, true), h.id).toEqual(assessCompleteness(template, h.fields));
    }
    for (const template of BUILT_IN_TEMPLATES) {
      for (const fields of [{}, COMPLETE_BRIEF, { objective: '  ', deliverables: [], tone_of_voice: 'https://docs.example.com/tov' }]) {
        expect(assessCompleteness(template, fields, true)).toEqual(assessCompleteness(template, fields));
      }
    }
  });

  it('still parses a value of the wrong shape, and says what is wrong with it', () => {
    const brief = BUILT_IN_TEMPLATES.find((t) => t.id === 'brief-to-creative')!;
    const bad = { ...COMPLETE_BRIEF, deliverables: 'six landing pages', tone_of_voice: ['not', 'a link'] };
    expect(assessCompleteness(brief, bad, true)).toEqual(assessCompleteness(brief, bad));
    expect(assessCompleteness(brief, bad, true).missing.map((m) => m.fieldId)).toEqual(['deliverables', 'tone_of_voice']);
  });
});
