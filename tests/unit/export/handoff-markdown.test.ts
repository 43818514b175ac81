import { describe, expect, it } from 'vitest';
import { handoffFileName, handoffToMarkdown } from '../../../lib/export/handoff-markdown';
import { escapeMarkdown } from '../../../lib/export/markdown';
import type { Client } from '../../../lib/model/client';
import type { Handoff } from '../../../lib/model/handoff';
import type { Member } from '../../../lib/model/member';
import { FIELD_TYPES, type Template } from '../../../lib/model/template';

const JANE: Member = { id: 'jane', name: 'Jane Sender', email: 'jane@agency.test', role: 'member' };
const TOM: Member = { id: 'tom', name: 'Tom Receiver', email: 'tom@agency.test', role: 'member' };
const CLIENT: Client = { id: 'c1', name: 'Acme Outdoor', identifiers: [], stakeholders: [], preferences: [], sensitivities: [], archived: false, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };

// One field of every type, so every renderer is exercised.
const TEMPLATE: Template = {
  id: 'everything', version: 2, kind: 'custom', name: 'Every field', description: 'All field types.', fromRole: 'Strategist', toRole: 'Media buyer',
  transfersOwnership: false, confirmWithinHours: 24, builtIn: false,
  fields: FIELD_TYPES.map((type) => ({ id: `f_${type}`, label: `Label ${type}`, type, required: type !== 'date', help: 'Help.' })),
};

const INJECTION = '[click me](https://evil.example) <img src=x onerror=alert(1)> # heading';

function handoff(overrides: Partial<Handoff> = {}): Handoff {
  return {
    id: 'h1', clientId: 'c1', templateId: 'everything', templateVersion: 2, title: 'Spring launch *now*', senderId: 'jane', receiverId: 'tom', state: 'gaps_answered',
    dueBy: '2026-03-05T17:00:00.000Z', createdAt: '2026-03-01T09:00:00.000Z', updatedAt: '2026-03-03T09:00:00.000Z', sentAt: '2026-03-02T10:30:00.000Z', gapRounds: 1,
    sources: { gmailThread: { id: 'thread-f:1', subject: 'Re: brief', url: 'https://mail.google.com/mail/u/0/#inbox/195198d4e5f0a3b2' } },
    context: { participants: [{ email: 'maria@acme.test', name: 'Maria', role: 'from' }] },
    fields: {
      f_short_text: INJECTION,
      f_long_text: 'Line one\nLine two',
      f_list: ['First goal', 'Second goal'],
      f_people: [{ name: 'Maria Client', role: 'CMO', email: 'maria@acme.test' }],
      f_link: 'https://docs.example.test/brief?a=1',
      f_kpi_targets: [{ metric: 'ROAS', value: '4.0', validated: false, evidence: 'Benchmarks only' }],
      f_checklist: [{ label: 'Pixel verified', done: true }, { label: 'UTMs agreed', done: false }],
      f_decisions: [{ decision: 'No brand bidding', rationale: 'CFO sees it as paying for free traffic.', consideredAndRejected: 'Capped CPC' }],
      f_action_items: [{ id: 'a1', text: 'Send the budget', ownerEmail: 'tom@agency.test', due: '2026-03-10' }],
    },
    gaps: [
      { id: 'g1', fieldIds: ['f_kpi_targets'], question: 'Was ROAS checked against margins?', raisedBy: 'tom', raisedAt: '2026-03-02T12:00:00.000Z', answer: 'Not yet: margins arrive Friday.', answeredBy: 'jane', answeredAt: '2026-03-03T09:00:00.000Z' },
    ],
    ...overrides,
  };
}

const render = (h = handoff()) => handoffToMarkdown(h, { template: TEMPLATE, client: CLIENT, members: [JANE, TOM] });

describe('handoffToMarkdown', () => {
  it('heads the document with the title, client, template, state, people and dates', () => {
    const md = render();
    expect(md.startsWith('# Spring launch \\*now\\*\n')).toBe(true);
    expect(md).toContain('- **Client:** Acme Outdoor');
    expect(md).toContain('- **Template:** Every field (version 2)');
    expect(md).toContain('- **State:** Gaps answered, awaiting confirmation');
    expect(md).toContain('- **From:** Jane Sender (jane\\@agency.test)');
    expect(md).toContain('- **To:** Tom Receiver (tom\\@agency.test)');
    expect(md).toContain('- **Sent:** 2026-03-02 10:30 UTC');
    expect(md).toContain('- **Confirm by:** 2026-03-05 17:00 UTC');
  });

  it('writes every field by its label, each type readably, and says which are empty', () => {
    const md = render();
    for (const type of FIELD_TYPES) expect(md).toContain(`### Label ${type.replace('_', '\\_')}`);
    expect(md).toContain('Line one  \nLine two');
    expect(md).toContain('- First goal\n- Second goal');
    expect(md).toContain('- Maria Client, CMO — maria\\@acme.test');
    expect(md).toContain('<https://docs.example.test/brief?a=1>');
    expect(md).toContain('ROAS: 4\\.0 — **not validated** (Benchmarks only)');
    expect(md).toContain('- [x] Pixel verified\n- [ ] UTMs agreed');
    expect(md).toContain('**No brand bidding** — CFO sees it as paying for free traffic. Considered and rejected: Capped CPC');
    expect(md).toContain('- Send the budget — tom\\@agency.test, due 2026-03-10');
    expect(md).toMatch(/### Label date \(optional\)\n\n_Not filled in\._/);
  });

  it('includes the gaps with their answers and the sources', () => {
    const md = render();
    expect(md).toContain('### Gap 1: Label kpi\\_targets');
    expect(md).toContain('> Was ROAS checked against margins?');
    expect(md).toContain('**Answer** by Jane Sender (jane\\@agency.test) on 2026-03-03 09:00 UTC');
    expect(md).toContain('> Not yet\\: margins arrive Friday.');
    expect(md).toContain('Gmail thread “Re\\: brief”: <https://mail.google.com/mail/u/0/#inbox/195198d4e5f0a3b2>');
    const open = render(handoff({ gaps: [{ id: 'g2', fieldIds: ['f_list'], question: 'Which goal first?', raisedBy: 'tom', raisedAt: '2026-03-02T12:00:00.000Z' }] }));
    expect(open).toContain('_Not answered yet._');
    const withdrawn = render(handoff({ gaps: [{ id: 'g3', fieldIds: ['f_list'], question: 'Which goal first?', raisedBy: 'tom', raisedAt: '2026-03-02T12:00:00.000Z', withdrawnAt: '2026-03-02T13:00:00.000Z', withdrawnReason: 'In the *SOW*.' }] }));
    expect(withdrawn).toContain('_Withdrawn by ');
    expect(withdrawn).toContain('on 2026-03-02 13:00 UTC:_ In the \\*SOW\\*.');
    expect(withdrawn).not.toContain('_Not answered yet._');
  });

  it('keeps user text as text: no links, images, HTML or headings can be injected', () => {
    const md = render(handoff({ title: INJECTION, fields: { ...handoff().fields, f_link: 'javascript:alert(1)' } }));
    expect(md).not.toMatch(/(^|[^\\])\[click me\]\(/);
    expect(md).not.toMatch(/(^|[^\\])<img/);
    expect(md).not.toMatch(/<javascript:/);
    expect(md).toContain('javascript\\:alert(1)');
    expect(md.split('\n').filter((l) => l.startsWith('# '))).toHaveLength(1);
  });

  it('escapes what Markdown gives a meaning to, and leaves plain punctuation readable', () => {
    expect(escapeMarkdown('a_b *c* [d](e) <f> &amp; `g` | ~h~ x@y.z https://q www.r.s')).toBe('a\\_b \\*c\\* \\[d\\](e) \\<f\\> &amp;amp; \\`g\\` \\| \\~h\\~ x\\@y.z https\\://q www\\.r.s');
    expect(escapeMarkdown('# one\n- two\n3. three\n===, ok.')).toBe('\\# one\n\\- two\n3\\. three\n\\===, ok.');
  });

  it('names the file after the title', () => {
    expect(handoffFileName(handoff({ title: 'Spring launch: Acme / “Q2”!' }))).toBe('spring-launch-acme-q2.md');
    expect(handoffFileName(handoff({ title: '***' }))).toBe('h1.md');
  });
});
