// Text selected on a page lands after what the field holds, never in its place.
import { describe, expect, it } from 'vitest';
import { appendSelection, selectionFields } from '../../../components/panel/handoff-form-fields';
import type { TemplateField } from '../../../lib/model/template';
import { salesToAm } from '../../../lib/templates';

const field = (type: TemplateField['type']): TemplateField => ({ id: 'f', label: 'F', type, required: false, help: '' });

describe('appendSelection', () => {
  it('adds a paragraph to a long text, after what was typed', () => {
    expect(appendSelection(field('long_text'), 'Kickoff 3 March.  ', 'Live by 1 April.')).toBe('Kickoff 3 March.\n\nLive by 1 April.');
    expect(appendSelection(field('long_text'), undefined, ' Live by 1 April. ')).toBe('Live by 1 April.');
  });
  it('continues a short text on one line', () => {
    expect(appendSelection(field('short_text'), '$15k/month', 'plus\n$4k fee')).toBe('$15k/month plus $4k fee');
  });
  it('adds a list’s items, one per selected line, after the ones there', () => {
    expect(appendSelection(field('list'), ['Grow sales 20%'], 'Launch in Canada\n\nKeep gift boxes')).toEqual(['Grow sales 20%', 'Launch in Canada', 'Keep gift boxes']);
    expect(appendSelection(field('list'), 'not a list', 'One')).toEqual(['One']);
  });
  it('keeps hostile text as text, and adds nothing for an empty selection or a field it does not fit', () => {
    expect(appendSelection(field('long_text'), '', '<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
    expect(appendSelection(field('long_text'), 'kept', '   ')).toBeUndefined();
    expect(appendSelection(field('people'), [], 'Maya')).toBeUndefined();
    expect(appendSelection(field('link'), '', 'https://x.test')).toBeUndefined();
  });
  it('offers the template’s text and list fields only', () => {
    expect(selectionFields(salesToAm.fields).map((f) => f.type)).toEqual(expect.arrayContaining(['list', 'long_text', 'short_text']));
    expect(selectionFields(salesToAm.fields).some((f) => ['people', 'kpi_targets', 'link'].includes(f.type))).toBe(false);
  });
});
