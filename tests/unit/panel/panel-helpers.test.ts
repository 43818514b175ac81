import { describe, expect, it } from 'vitest';
import { formatAgo, fromDateInput, isOverdue, isWebLink, recognisedBy, toDateInput, waitingPhrase } from '../../../components/panel/format';
import { orderTemplates } from '../../../components/panel/template-order';
import type { Template } from '../../../lib/model/template';
import { BUILT_IN_TEMPLATES, salesToAm } from '../../../lib/templates';

describe('orderTemplates', () => {
  it('suggests sales → AM and brief → creative on an email thread, and lists every other template after', () => {
    const { suggested, rest } = orderTemplates(BUILT_IN_TEMPLATES, 'gmail');
    expect(suggested.map((t) => t.id)).toEqual(['sales-to-am', 'brief-to-creative']);
    expect([...suggested, ...rest]).toHaveLength(BUILT_IN_TEMPLATES.length);
  });

  it('keeps custom templates, after the built-ins', () => {
    const custom: Template = { ...salesToAm, id: 'custom-pitch', name: 'Pitch → delivery', kind: 'custom', builtIn: false };
    const { rest } = orderTemplates([custom, ...BUILT_IN_TEMPLATES], 'google-ads');
    expect(rest.at(-1)?.id).toBe('custom-pitch');
  });

  it('suggests nothing without a page', () => {
    expect(orderTemplates(BUILT_IN_TEMPLATES, undefined).suggested).toEqual([]);
  });
});

describe('isOverdue', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  it('is overdue only while waiting for the receiver past the confirm-by time', () => {
    expect(isOverdue({ state: 'sent', dueBy: '2026-03-10T11:00:00Z' }, now)).toBe(true);
    expect(isOverdue({ state: 'sent', dueBy: '2026-03-10T13:00:00Z' }, now)).toBe(false);
    expect(isOverdue({ state: 'confirmed', dueBy: '2026-03-10T11:00:00Z' }, now)).toBe(false);
    expect(isOverdue({ state: 'draft', dueBy: '2026-03-10T11:00:00Z' }, now)).toBe(false);
    expect(isOverdue({ state: 'sent' }, now)).toBe(false);
  });
});

describe('confirm-by date input', () => {
  it('round-trips a day through the timestamp the handoff stores', () => {
    const iso = fromDateInput('2026-03-14');
    expect(iso).toMatch(/^2026-03-1[45]T/);
    expect(toDateInput(iso)).toBe('2026-03-14');
    expect(fromDateInput('')).toBeUndefined();
  });
});

describe('isWebLink', () => {
  it('links only http and https addresses', () => {
    expect(isWebLink('https://docs.example.com/brand')).toBe(true);
    expect(isWebLink('http://localhost:3000/x')).toBe(true);
    expect(isWebLink('javascript:alert(1)')).toBe(false);
    expect(isWebLink('docs.example.com/brand')).toBe(false);
    expect(isWebLink('')).toBe(false);
  });
});

describe('formatAgo', () => {
  const now = new Date('2026-03-01T12:00:00.000Z');
  const before = (ms: number) => new Date(now.getTime() - ms).toISOString();
  const MINUTE = 60_000;
  const HOUR = 60 * MINUTE;

  it('says "just now" alone for the first half minute, and for a clock a little ahead', () => {
    expect(formatAgo(before(0), now)).toBe('just now');
    expect(formatAgo(before(29_000), now)).toBe('just now');
    expect(formatAgo(before(-5 * MINUTE), now)).toBe('just now');
  });

  it('counts minutes, then hours, then days, each followed by "ago"', () => {
    expect(formatAgo(before(30_000), now)).toBe('1 min ago');
    expect(formatAgo(before(59 * MINUTE), now)).toBe('59 min ago');
    expect(formatAgo(before(60 * MINUTE), now)).toBe('1 h ago');
    expect(formatAgo(before(47 * HOUR), now)).toBe('47 h ago');
    expect(formatAgo(before(48 * HOUR), now)).toBe('2 d ago');
  });
});

describe('recognisedBy', () => {
  it('names the kinds with their labels as written, each once', () => {
    const kinds = [{ kind: 'google-ads-ocid' }, { kind: 'google-ads-customer' }, { kind: 'google-ads-customer' }] as const;
    expect(recognisedBy(kinds)).toBe('Recognised by Google Ads account (ocid) and Google Ads customer ID');
    expect(recognisedBy([{ kind: 'email-domain' }])).toBe('Recognised by Email domain');
  });
});

describe('waitingPhrase', () => {
  const now = new Date('2026-03-01T12:00:00.000Z');
  it('reads whole at once: never "waiting just now" or "draft since just now"', () => {
    expect(waitingPhrase('sent', now.toISOString(), now)).toBe('sent just now');
    expect(waitingPhrase('draft', now.toISOString(), now)).toBe('draft started just now');
    expect(waitingPhrase('sent', new Date(now.getTime() - 5 * 60_000).toISOString(), now)).toBe('waiting 5 min');
    expect(waitingPhrase('draft', new Date(now.getTime() - 48 * 3_600_000).toISOString(), now)).toBe('draft since 2 d');
  });
});
