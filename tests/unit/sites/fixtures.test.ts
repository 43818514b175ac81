import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../lib/sites';
import type { Participant, PageContext } from '../../../lib/sites/types';
import { loadFixture } from '../helpers/dom';
import { keys } from '../helpers/identifiers';

const names = readdirSync(new URL('../../fixtures/sites/', import.meta.url))
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.replace('.expected.json', ''))
  .sort();

const byEmail = (list: Participant[] | undefined) => [...(list ?? [])].sort((a, b) => a.email.localeCompare(b.email));

describe('readPage on saved pages', () => {
  it('has the fixtures the issue lists', () => {
    for (const name of ['gmail-thread', 'gmail-inbox', 'gmail-thread-sent', 'asana-task', 'google-ads-overview']) {
      expect(names).toContain(name);
    }
  });

  it.each(names)('%s', (name) => {
    const { doc, url, expected, absent = [], inboxRows, unreadRows, firstRow } = loadFixture(name);
    const ctx = readPage(url, doc) as PageContext;
    const { identifiers, thread, ...rest } = expected as Partial<PageContext>;
    expect(ctx).not.toBeNull();
    expect(keys(ctx.identifiers)).toEqual(keys(identifiers));
    for (const [field, value] of Object.entries(rest)) expect(ctx[field as keyof PageContext], field).toEqual(value);
    if (thread) {
      expect(ctx.thread).toBeDefined();
      const { participants, ...threadRest } = thread;
      expect({ ...ctx.thread, participants: byEmail(ctx.thread?.participants) }).toEqual({ ...threadRest, participants: byEmail(participants) });
    } else {
      expect(ctx.thread).toBeUndefined();
    }
    for (const path of absent) {
      const value = path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], ctx);
      expect(value, path).toBeUndefined();
    }
    if (inboxRows !== undefined) expect(ctx.inbox?.rows).toHaveLength(inboxRows);
    if (unreadRows !== undefined) expect(ctx.inbox?.rows.filter((r) => r.unread)).toHaveLength(unreadRows);
    if (firstRow !== undefined) expect(ctx.inbox?.rows[0]).toEqual(firstRow);
  });

  it('takes the thread from the subject heading, not from the inbox rows still in the DOM', () => {
    const { doc, url } = loadFixture('gmail-thread');
    const rows = doc.querySelectorAll('tr.zA');
    expect(rows.length).toBeGreaterThanOrEqual(50);
    const ctx = readPage(url, doc);
    const rowEmails = new Set([...doc.querySelectorAll('tr.zA span[email]')].map((e) => e.getAttribute('email')?.toLowerCase()));
    for (const p of ctx?.thread?.participants ?? []) expect(rowEmails.has(p.email) && !doc.querySelector(`.adn [email="${p.email}"]`)).toBe(false);
    expect(ctx?.inbox).toBeUndefined();
  });

  it('waits for the right conversation while Gmail navigates: a stale heading is not read', () => {
    const { doc } = loadFixture('gmail-thread');
    const ctx = readPage('https://mail.google.com/mail/u/0/#inbox/0123456789abcdef', doc);
    expect(ctx?.thread).toBeUndefined();
    expect(keys(ctx?.identifiers)).toEqual(['gmail-thread:0123456789abcdef']);
  });

  it('renders nothing from hostile page text: values stay plain strings', () => {
    const { doc, url } = loadFixture('gmail-broken');
    const ctx = readPage(url, doc);
    expect(JSON.stringify(ctx)).not.toMatch(/<img|onerror/);
  });
});
