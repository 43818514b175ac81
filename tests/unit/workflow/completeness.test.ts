import { describe, expect, it } from 'vitest';
import { FIELD_TYPES, TemplateSchema, type FieldType, type Template, type TemplateField } from '../../../lib/model/template';
import { BUILT_IN_TEMPLATES } from '../../../lib/templates';
import { assessCompleteness, checkField, parseFieldValue } from '../../../lib/workflow/completeness';
import { completeFields, template } from '../events/builders';

const fieldOf = (type: FieldType, extra: Partial<TemplateField> = {}): TemplateField => ({
  id: `the_${type}`,
  label: `The ${type.replace('_', ' ')}`,
  type,
  required: true,
  help: 'What good looks like.',
  ...extra,
});

const passes = (f: TemplateField, value: unknown) => expect(checkField(f, value)).toBeNull();
const fails = (f: TemplateField, value: unknown, reason: string | RegExp) => {
  const got = checkField(f, value);
  expect(got).not.toBeNull();
  if (typeof reason === 'string') expect(got).toBe(reason);
  else expect(got).toMatch(reason);
};

describe('checkField: text', () => {
  it.each(['short_text', 'long_text'] as const)('%s: absent, empty or blank asks to fill it in; any text passes', (type) => {
    const f = fieldOf(type);
    const ask = `Fill in “${f.label}”.`;
    fails(f, undefined, ask);
    fails(f, null, ask);
    fails(f, '', ask);
    fails(f, '   \n\t ', ask);
    passes(f, 'Kickoff week of 3 March');
  });

  it('short_text longer than its limit is reported, not thrown', () => {
    fails(fieldOf('short_text'), 'x'.repeat(501), /^“The short text”: /);
  });
});

describe('checkField: list', () => {
  const f = fieldOf('list');
  it('empty or only blank lines asks for an item', () => {
    const ask = `Add at least one item to “${f.label}”.`;
    fails(f, undefined, ask);
    fails(f, [], ask);
    fails(f, ['', '   '], ask);
  });
  it('one real line passes, even next to blank ones', () => {
    passes(f, ['Grow online sales 20% by Q4']);
    passes(f, ['', 'Grow online sales 20% by Q4']);
  });
});

describe('checkField: people', () => {
  const f = fieldOf('people');
  it('nobody asks for a person', () => {
    fails(f, [], `Add at least one person to “${f.label}”.`);
    fails(f, undefined, `Add at least one person to “${f.label}”.`);
  });
  it('a person without a name is refused', () => {
    fails(f, [{ name: '', role: 'CMO', email: 'maria@acme.test' }], /needs a name and a valid email/);
    fails(f, [{ name: '   ', email: 'maria@acme.test' }], /needs a name and a valid email/);
  });
  it.each(['', 'maria', 'maria@', '@acme.test', 'maria at acme.test', 'maria@acme'])('a person with email %j is refused, and named', (email) => {
    fails(f, [{ name: 'Maria', role: 'CMO', email }], `Every person in “${f.label}” needs a name and a valid email (Maria).`);
  });
  it('one bad person among good ones blocks', () => {
    fails(f, [{ name: 'Maria', email: 'maria@acme.test' }, { name: 'Ben', email: 'nope' }], /\(Ben\)/);
  });
  it('name and valid email pass; role is optional', () => {
    passes(f, [{ name: 'Maria', role: 'CMO, signs off', email: 'maria@acme.test' }]);
    passes(f, [{ name: 'Maria', email: 'maria@acme.test' }]);
  });
});

describe('checkField: link', () => {
  const f = fieldOf('link');
  it('absent or empty asks for the link', () => {
    fails(f, undefined, `Add the link for “${f.label}”.`);
    fails(f, '', `Add the link for “${f.label}”.`);
  });
  it.each(['https://drive.google.com/file/d/abc/view', 'http://intranet.agency.test/brand'])('%s passes', (url) => passes(f, url));
  it.each(['refreshed brand voice', 'ftp://files.acme.test/brand.pdf', 'javascript:alert(1)', 'file:///C:/brand.pdf', 'drive.google.com/abc'])(
    '%j is not an http(s) link: reported with the field label',
    (value) => fails(f, value, /^“The link”: /),
  );
});

describe('checkField: date', () => {
  const f = fieldOf('date');
  it('absent or empty asks for a date', () => {
    fails(f, undefined, `Pick a date for “${f.label}”.`);
    fails(f, '', `Pick a date for “${f.label}”.`);
  });
  it('a day or a date-time with offset passes', () => {
    passes(f, '2025-04-01');
    passes(f, '2025-04-01T10:30:00+02:00');
    passes(f, '2025-04-01T10:30:00Z');
  });
  it.each(['next Tuesday', '01/04/2025', '2025-13-01'])('%j is reported as not a date', (value) => fails(f, value, /^“The date”: /));
});

describe('checkField: kpi_targets', () => {
  const f = fieldOf('kpi_targets', { label: 'Commitments made' });
  const roas = { metric: 'ROAS', value: '4.0' };

  it('no targets asks for one', () => {
    fails(f, [], `Add at least one target to “Commitments made”.`);
    fails(f, undefined, `Add at least one target to “Commitments made”.`);
  });
  it('a target needs both a metric and a value', () => {
    fails(f, [{ metric: '', value: '4.0', validated: true, evidence: 'x' }], 'Every target in “Commitments made” needs a metric and a value.');
    fails(f, [{ metric: 'ROAS', value: ' ', validated: true, evidence: 'x' }], 'Every target in “Commitments made” needs a metric and a value.');
  });
  it('validated: null asks to say whether it was validated', () => {
    fails(f, [{ ...roas, validated: null }], 'Say whether “ROAS 4.0” was validated against the client’s real data.');
  });
  it('validated: false blocks and points at the override', () => {
    const reason = checkField(f, [{ ...roas, validated: false, evidence: '' }]);
    expect(reason).toBe('“ROAS 4.0” is not validated against the client’s real data: validate it, or send with an override reason.');
    expect(reason).toMatch(/not validated.*override/);
  });
  it('validated: true without evidence asks for the evidence', () => {
    fails(f, [{ ...roas, validated: true }], 'Add the evidence that “ROAS 4.0” was validated.');
    fails(f, [{ ...roas, validated: true, evidence: '   ' }], 'Add the evidence that “ROAS 4.0” was validated.');
  });
  it('validated with evidence passes', () => {
    passes(f, [{ ...roas, validated: true, evidence: 'Checked against 12 months of ad history and a 38% margin.' }]);
  });
  it('every target is checked, not only the first', () => {
    const good = { ...roas, validated: true, evidence: 'Checked against margins.' };
    fails(f, [good, { metric: 'CPA', value: '€45', validated: false }], /“CPA €45” is not validated/);
  });
  it('a missing validated flag is a malformed value, reported', () => {
    fails(f, [{ metric: 'ROAS', value: '4.0' }], /^“Commitments made”: 0\.validated /);
  });
});

describe('checkField: checklist', () => {
  const items = ['Test conversion recorded', 'Consent mode working'];
  const f = fieldOf('checklist', { items });

  it('every item of the template must be ticked, and the open ones are named', () => {
    fails(f, [], `Tick every item of “${f.label}”: Test conversion recorded, Consent mode working.`);
    fails(f, undefined, `Tick every item of “${f.label}”: Test conversion recorded, Consent mode working.`);
    fails(f, [{ label: items[0]!, done: true }, { label: items[1]!, done: false }], `Tick every item of “${f.label}”: Consent mode working.`);
  });
  it('ticking items the template does not ask for does not count', () => {
    fails(f, [{ label: items[0]!, done: true }, { label: 'Something else', done: true }], /Consent mode working/);
  });
  it('all template items ticked passes', () => {
    passes(f, items.map((label) => ({ label, done: true })));
  });
  it('a checklist without template items needs items, and every one ticked', () => {
    const free = fieldOf('checklist');
    fails(free, [], `Add the items of “${free.label}”.`);
    fails(free, [{ label: 'A', done: true }, { label: 'B', done: false }], `Tick every item of “${free.label}”: B.`);
    passes(free, [{ label: 'A', done: true }]);
  });
  it('the built-in tracking checklist needs all six items', () => {
    const tracking = template('strategy-to-media').fields.find((x) => x.id === 'tracking_checklist')!;
    const all = tracking.items!.map((label) => ({ label, done: true }));
    passes(tracking, all);
    fails(tracking, all.slice(1), new RegExp(tracking.items![0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });
});

describe('checkField: decisions', () => {
  const f = fieldOf('decisions', { label: 'Key decisions' });
  it('none asks for one, with its rationale', () => {
    fails(f, [], 'Record at least one decision in “Key decisions”, with its rationale.');
  });
  it('a decision without rationale is refused', () => {
    fails(f, [{ decision: 'No brand bidding', rationale: '' }], 'Every decision in “Key decisions” needs its rationale.');
    fails(f, [{ decision: 'No brand bidding', rationale: '  ' }], 'Every decision in “Key decisions” needs its rationale.');
  });
  it('a rationale without a decision is refused too', () => {
    fails(f, [{ decision: '', rationale: 'Because the CFO said so.' }], 'Every decision in “Key decisions” needs its rationale.');
  });
  it('decision with rationale passes; considered-and-rejected is optional', () => {
    passes(f, [{ decision: 'No brand bidding', rationale: 'The CFO sees it as paying for free traffic.' }]);
  });
});

describe('checkField: action_items', () => {
  const f = fieldOf('action_items', { label: 'Open action items' });
  const item = { id: 'a1', text: 'Send Q3 budget proposal', ownerEmail: 'jane@agency.test', due: '2025-04-15' };
  it('none asks for the open items', () => {
    fails(f, [], 'List the open items in “Open action items”, each with an owner and a date.');
  });
  it('an item needs an owner', () => {
    fails(f, [{ ...item, ownerEmail: '' }], '“Send Q3 budget proposal” needs an owner and a date.');
  });
  it('an item needs a date', () => {
    fails(f, [{ ...item, due: '' }], '“Send Q3 budget proposal” needs an owner and a date.');
  });
  it('an item needs a description', () => {
    fails(f, [{ ...item, text: ' ' }], 'Every item in “Open action items” needs a description.');
  });
  it('an owner that is not an email is malformed, reported', () => {
    fails(f, [{ ...item, ownerEmail: 'Jane' }], /^“Open action items”: 0\.ownerEmail /);
  });
  it('text, owner and date pass', () => passes(f, [item]));
});

describe('optional fields never block', () => {
  const values: unknown[] = [undefined, null, '', [], 42, { wrong: 'shape' }, 'not a link', [{ name: '' }]];
  it.each(FIELD_TYPES)('%s', (type) => {
    const f = fieldOf(type, { required: false, items: ['A'] });
    for (const v of values) expect(checkField(f, v)).toBeNull();
  });
});

describe('malformed values are reported, not thrown', () => {
  const wrong: unknown[] = [42, true, { evil: '<script>alert(1)</script>' }, [42], [[]], 'x'.repeat(30_000), Symbol('s'), () => 1];
  it.each(FIELD_TYPES)('%s', (type) => {
    const f = fieldOf(type, { items: ['A'] });
    for (const v of wrong) {
      let reason: string | null = null;
      expect(() => (reason = checkField(f, v))).not.toThrow();
      // Some shapes are valid for some types (a long string for long_text); none may throw, and every
      // refused one names the field.
      if (reason !== null) expect(reason).toContain(`“${f.label}”`);
    }
    expect(checkField(f, 42)).toMatch(new RegExp(`^“${f.label}”: `));
  });

  it('parseFieldValue says what is wrong and where', () => {
    const f = fieldOf('people');
    expect(parseFieldValue(f, [{ name: 'Maria', email: 42 }])).toEqual({
      ok: false,
      problem: { code: 'bad-request', message: expect.stringMatching(/^“The people”: 0\.email /), field: f.id },
    });
    expect(parseFieldValue(f, undefined)).toEqual({ ok: true, data: null });
  });
});

describe('assessCompleteness', () => {
  it.each(BUILT_IN_TEMPLATES.map((t) => [t.id, t] as const))('%s: empty fields miss every required field and only those', (_id, t) => {
    const required = t.fields.filter((f) => f.required).map((f) => f.id);
    const result = assessCompleteness(t, {});
    expect(result.required).toBe(required.length);
    expect(result.satisfied).toBe(0);
    expect(result.missing.map((m) => m.fieldId)).toEqual(required);
    for (const m of result.missing) expect(m.reason.length).toBeGreaterThan(0);
  });

  it.each(BUILT_IN_TEMPLATES.map((t) => [t.id, t] as const))('%s: every required field filled is complete', (_id, t) => {
    const result = assessCompleteness(t, completeFields(t.id));
    expect(result.missing).toEqual([]);
    expect(result.satisfied).toBe(result.required);
  });

  it('counts what is satisfied and names what is missing, in template order', () => {
    const fields = completeFields('brief-to-creative', { tone_of_voice: '', walkthrough: undefined });
    const result = assessCompleteness(template('brief-to-creative'), fields);
    expect(result).toEqual({
      required: 9,
      satisfied: 7,
      missing: [
        { fieldId: 'tone_of_voice', reason: 'Add the link for “Approved tone of voice”.' },
        { fieldId: 'walkthrough', reason: 'Pick a date for “Brief walkthrough”.' },
      ],
    });
  });

  it('ignores values of fields the template does not have, and of optional fields', () => {
    const fields = completeFields('sales-to-am', { unrelated: 42, budget: { wrong: true } });
    expect(assessCompleteness(template('sales-to-am'), fields).missing).toEqual([]);
  });

  it('reports a malformed required value as missing, with the parse error', () => {
    const result = assessCompleteness(template('sales-to-am'), completeFields('sales-to-am', { stakeholders: 'Maria, the CMO' }));
    expect(result.missing).toEqual([{ fieldId: 'stakeholders', reason: expect.stringMatching(/^“Stakeholder contacts”: /) }]);
  });

  // A custom template is data; "constructor" is a valid snake_case field id. An empty handoff must be
  // told to fill it in, not that its value is "a function" (the check reads inherited properties).
  it('reads only the handoff’s own field values, not inherited object properties', () => {
    const custom: Template = TemplateSchema.parse({
      id: 'custom-kickoff',
      version: 1,
      kind: 'custom',
      name: 'Kickoff',
      description: 'Custom kickoff handoff.',
      fromRole: 'Sales',
      toRole: 'AM',
      transfersOwnership: false,
      confirmWithinHours: 24,
      builtIn: false,
      fields: [{ id: 'constructor', label: 'Constructor', type: 'short_text', required: true, help: 'Who builds it.' }],
    });
    expect(assessCompleteness(custom, {}).missing).toEqual([{ fieldId: 'constructor', reason: 'Fill in “Constructor”.' }]);
  });
});
