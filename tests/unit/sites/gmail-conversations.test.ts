// Gmail keeps conversations in the DOM after they close (hidden), and its URL says whether one is open:
// a list URL (`#inbox`, `#label/Clients`, `#search/foo`, `#inbox/p2`) has no thread token after the view.
import { describe, expect, it } from 'vitest';
import { readPage } from '../../../lib/sites';
import { parseGmailHash } from '../../../lib/sites/gmail-hash';
import { loadFixture } from '../helpers/dom';
import { keys } from '../helpers/identifiers';

const GMAIL = 'https://mail.google.com/mail/u/0/';
const THREAD_TOKEN = 'FMfcgzQZTVmxJZsXbWqGkLfHcPwTzRnD';

describe('Gmail list and thread URLs', () => {
  it.each([
    ['#inbox', 'inbox'],
    ['', 'inbox'],
    ['#inbox/p2', 'inbox'],
    ['#label/Clients', 'label/Clients'],
    ['#label/Clients%2FAcme', 'label/Clients/Acme'],
    ['#search/acme+renewal', 'search/acme renewal'],
    ['#search/195198d4e5f0a3b2', 'search/195198d4e5f0a3b2'],
    ['#category/social/p3', 'category/social'],
    ['#settings/general', 'settings'],
    ['#inbox?compose=new', 'inbox'],
  ])('%s is a list (%s)', (hash, view) => {
    expect(parseGmailHash(hash)).toEqual({ view });
  });

  it.each([
    [`#inbox/${THREAD_TOKEN}`, 'inbox', undefined],
    [`#label/Clients/${THREAD_TOKEN}`, 'label/Clients', undefined],
    [`#search/foo/${THREAD_TOKEN}?compose=new`, 'search/foo', undefined],
    ['#inbox/p2/195198D4E5F0A3B2', 'inbox', '195198d4e5f0a3b2'],
    ['#sent/19604b30a39918b1', 'sent', '19604b30a39918b1'],
  ])('%s opens a thread', (hash, view, legacyId) => {
    const location = parseGmailHash(hash);
    expect(location.view).toBe(view);
    expect(location.threadToken).toBeTruthy();
    expect(location.legacyId).toBe(legacyId);
  });

  it('on a list URL reports no thread, even with a shown conversation heading in the DOM', () => {
    const { doc } = loadFixture('gmail-thread');
    for (const hash of ['#inbox', '#label/Clients', '#search/northwind', '#inbox/p2']) {
      const ctx = readPage(`${GMAIL}${hash}`, doc);
      expect(ctx?.thread, hash).toBeUndefined();
      expect(ctx?.identifiers, hash).toEqual([]);
    }
  });
});

describe('a conversation Gmail keeps hidden', () => {
  it('is not claimed after going back to the inbox: no thread, no thread id, none of its people', () => {
    const { doc, url } = loadFixture('gmail-inbox-hidden-thread');
    // The fixture really holds the closed conversation, with its people, hidden.
    expect(doc.querySelector('h2.hP')?.closest('[style*="display: none"]')).not.toBeNull();
    expect(doc.querySelector('.adn span.gD[email="maya.okafor@northwindoutfitters.com"]')).not.toBeNull();
    const ctx = readPage(url, doc);
    expect(ctx?.thread).toBeUndefined();
    expect(ctx?.identifiers).toEqual([]);
    expect(ctx?.inbox?.view).toBe('inbox');
  });

  it('is never read, even on a thread URL', () => {
    const { doc } = loadFixture('gmail-inbox-hidden-thread');
    for (const hash of ['#inbox/195fb10ea512bb59', `#inbox/${THREAD_TOKEN}`]) {
      const ctx = readPage(`${GMAIL}${hash}`, doc);
      expect(ctx?.thread, hash).toBeUndefined();
      expect(keys(ctx?.identifiers), hash).toEqual(hash.includes(THREAD_TOKEN) ? [] : ['gmail-thread:195fb10ea512bb59']);
    }
  });

  it('beside the open one: the shown conversation is read, and the hidden one adds no one', () => {
    const { doc } = loadFixture('gmail-inbox-hidden-thread');
    const main = doc.querySelector('[role="main"]')!;
    main.insertAdjacentHTML(
      'beforeend',
      '<div class="nH"><div class="ha"><h2 class="hP" data-thread-perm-id="thread-f:1900000000000000001" data-legacy-thread-id="1a2b3c4d5e6f7a8b">Harbor &amp; Pine — May budget</h2></div>' +
        '<div class="adn" data-message-id="#msg-f:1900000000000000001"><h3 class="iw"><span class="gD" email="lee@harborpine.com" name="Lee Moss"></span></h3><span class="hb"><span class="g2" email="jane.doe@brightlane.agency" name="Jane Doe"></span></span></div></div>',
    );
    const ctx = readPage(`${GMAIL}#inbox/${THREAD_TOKEN}`, doc);
    expect(ctx?.thread?.subject).toBe('Harbor & Pine — May budget');
    expect(ctx?.thread?.messageIds).toEqual(['#msg-f:1900000000000000001']);
    expect(keys(ctx?.identifiers)).toEqual(['email-domain:harborpine.com', 'email:lee@harborpine.com', 'gmail-thread:1a2b3c4d5e6f7a8b']);
  });

  it('hidden by the hidden attribute is not read either; a dialog’s aria-hidden over it does not hide it', () => {
    const { doc, url } = loadFixture('gmail-thread');
    const conversation = doc.querySelector('h2.hP')!.closest('.a98')!;
    conversation.setAttribute('aria-hidden', 'true');
    expect(readPage(url, doc)?.thread?.legacyId).toBe('195fb10ea512bb59');
    conversation.setAttribute('hidden', '');
    expect(readPage(url, doc)?.thread).toBeUndefined();
  });
});
