import { describe, expect, it } from 'vitest';
import {
  checklistItems,
  editableValue,
  listFromText,
  savableFields,
  textFromList,
  toggleChecklist,
  validatedChoice,
  validatedValue,
} from '../../../components/panel/field-values';
import type { TemplateField } from '../../../lib/model/template';
import { checkField } from '../../../lib/workflow/completeness';
import { salesToAm } from '../../../lib/templates';

const field = (type: TemplateField['type'], extra: Partial<TemplateField> = {}): TemplateField => ({ id: 'f', label: 'Field', type, required: true, help: 'Help.', ...extra });

describe('list editor ↔ list value', () => {
  it('keeps one item per non-blank line, trimmed, and turns back into the same lines', () => {
    const list = listFromText('  Grow sales 20%\n\n Launch in Canada \n');
    expect(list).toEqual(['Grow sales 20%', 'Launch in Canada']);
    expect(textFromList(list)).toBe('Grow sales 20%\nLaunch in Canada');
    expect(checkField(field('list'), list)).toBeNull();
  });

  it('gives an empty list for blank text, which the completeness check reports', () => {
    expect(listFromText(' \n \n')).toEqual([]);
    expect(checkField(field('list'), listFromText(''))).toMatch(/Add at least one item/);
  });
});

describe('checklist editor', () => {
  const f = field('checklist', { items: ['Walkthrough booked', 'Access granted'] });

  it('lists the template’s items in order with what is stored ticked, and keeps items the template dropped', () => {
    expect(checklistItems(f, [{ label: 'Access granted', done: true }, { label: 'Old item', done: true }])).toEqual([
      { label: 'Walkthrough booked', done: false },
      { label: 'Access granted', done: true },
      { label: 'Old item', done: true },
    ]);
  });

  it('ticking every item completes the field', () => {
    let value = toggleChecklist(f, [], 'Walkthrough booked', true);
    expect(checkField(f, value)).toMatch(/Tick every item/);
    value = toggleChecklist(f, value, 'Access granted', true);
    expect(checkField(f, value)).toBeNull();
  });
});

describe('KPI "validated" select', () => {
  it('round-trips null, true and false', () => {
    for (const v of [null, true, false]) expect(validatedValue(validatedChoice(v))).toBe(v);
  });
});

describe('what an editor shows', () => {
  it('shows a half-typed link or owner email as typed, though it does not parse yet', () => {
    expect(editableValue(field('link'), 'https://docs.goo')).toBe('https://docs.goo');
    expect(editableValue(field('link'), 'docs.google')).toBe('docs.google');
    const items = [{ id: 'a', text: 'Send report', ownerEmail: 'tom@', due: '' }];
    expect(editableValue(field('action_items'), items)).toEqual(items);
  });

  it('starts empty for a value of the wrong shape', () => {
    expect(editableValue(field('list'), 'not a list')).toEqual([]);
    expect(editableValue(field('short_text'), ['x'])).toBe('');
    expect(editableValue(field('people'), undefined)).toEqual([]);
  });
});

describe('savableFields', () => {
  it('holds back values the background would refuse and names them, saving the rest', () => {
    const { savable, invalid } = savableFields(salesToAm.fields, {
      primary_goals: ['Grow sales'],
      contract_link: 'drive.google.com/contract',
      budget: '€15k/month',
    });
    expect(savable).toEqual({ primary_goals: ['Grow sales'], budget: '€15k/month' });
    expect(Object.keys(invalid)).toEqual(['contract_link']);
    expect(invalid.contract_link).toContain('Contract or proposal');
  });

  it('ignores fields the template does not have', () => {
    expect(savableFields(salesToAm.fields, { stray: 'x' })).toEqual({ savable: {}, invalid: {} });
  });
});
