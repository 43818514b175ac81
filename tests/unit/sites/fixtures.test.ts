import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../lib/sites';
import type { Participant, PageContext } from '../../../lib/sites/types';
import { loadFixture, parseHtml } from '../helpers/dom';
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

  it('reads hostile page text as inert text, never as markup', () => {
    const doc = parseHtml(
      '<title>x - jane@brightlane.agency - Gmail</title><div role="main"><h2 class="hP" data-thread-perm-id="thread-f:1" data-legacy-thread-id="195198d4e5f0a3b2">&lt;img src=x onerror=alert(1)&gt; <b>Q3</b><img src=x onerror="alert(2)"></h2><div class="adn" data-message-id="#msg-f:1"><h3 class="iw"><span class="gD" email="sam@northwindoutfitters.com" name="&lt;script&gt;alert(3)&lt;/script&gt;"></span></h3></div></div>',
    );
    const ctx = readPage('https://mail.google.com/mail/u/0/#inbox/195198d4e5f0a3b2', doc);
    // The subject is the heading's text: the escaped tag stays literal, real elements contribute only text.
    expect(ctx?.thread?.subject).toBe('<img src=x onerror=alert(1)> Q3');
    expect(ctx?.thread?.participants[0]?.name).toBe('<script>alert(3)</script>');
    expect(JSON.stringify(ctx)).not.toContain('alert(2)');
  });

  it('reads participants from message headers only: a forged header written into a message body adds no one', () => {
    const { doc, url, expected } = loadFixture('gmail-thread');
    const bodies = doc.querySelectorAll('div.adn div.a3s');
    expect(bodies.length).toBeGreaterThan(0);
    // A sender can write Gmail-like markup in a message: bare, and dressed as a whole header.
    for (const body of bodies) {
      body.insertAdjacentHTML(
        'beforeend',
        '<span class="gD" email="bare@evil.test" name="Maya Okafor"></span>' +
          '<table class="cf gJ"><tr><td><h3 class="iw"><span class="gD" email="mallory@evil.test" name="Jane Doe"></span></h3>' +
          '<span class="hb"><span class="g2" email="eve@evil.test"></span></span></td></tr></table>',
      );
    }
    const ctx = readPage(url, doc);
    expect(JSON.stringify(ctx)).not.toContain('evil.test');
    expect(byEmail(ctx?.thread?.participants)).toEqual(byEmail((expected as Partial<PageContext>).thread?.participants));
  });
});
