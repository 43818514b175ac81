// Who am I: Baton suggests the signed-in Gmail account while the local member is still the default "You".
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Member } from '../../../lib/model/member';
import type { PageContext } from '../../../lib/sites/types';
import { DEFAULT_ME, identitySuggestion } from '../../../lib/background/workspace';
import { contentScriptSender, GMAIL_THREAD_URL, newTestBackground, type TestBackground } from '../helpers/background';

const SEEN = { email: 'dana@brightlane.agency' };

describe('the identity suggestion rule', () => {
  it('suggests the Gmail account to the default member of a local workspace', () => {
    expect(identitySuggestion(DEFAULT_ME, false, SEEN)).toEqual({ email: 'dana@brightlane.agency' });
    expect(identitySuggestion(DEFAULT_ME, false, { ...SEEN, name: 'Dana Whitfield' })).toEqual({ email: 'dana@brightlane.agency', name: 'Dana Whitfield' });
  });

  it('never second-guesses a name or address the person set themselves', () => {
    expect(identitySuggestion({ ...DEFAULT_ME, name: 'Dana' }, false, SEEN)).toBeUndefined();
    expect(identitySuggestion({ ...DEFAULT_ME, email: 'dana@home.example' }, false, SEEN)).toBeUndefined();
  });

  it('suggests nothing on a hub (the hub’s member is who you are) or before Gmail was seen', () => {
    expect(identitySuggestion(DEFAULT_ME, true, SEEN)).toBeUndefined();
    expect(identitySuggestion(DEFAULT_ME, false, undefined)).toBeUndefined();
  });
});

describe('me/suggestion, from the Gmail page Baton reads', () => {
  let bg: TestBackground;
  beforeEach(() => {
    fakeBrowser.reset();
    bg = newTestBackground();
  });
  const gmail = (extra: Partial<PageContext> = {}): PageContext => ({ site: 'gmail', url: GMAIL_THREAD_URL, identifiers: [], ...extra });

  it('offers the signed-in address, named as the thread names it, and nothing once you said who you are', async () => {
    expect(await bg.ok({ type: 'me/suggestion' })).toBeNull();
    const thread = { id: 't-1', subject: 'Kickoff', messageIds: ['m-1'], participants: [{ email: 'dana@brightlane.agency', name: 'Dana Whitfield', role: 'from' as const }] };
    await bg.ok({ type: 'page/context', context: gmail({ accountEmail: 'Dana@Brightlane.agency', thread }) }, contentScriptSender(3));
    // A page that shows the account without a thread keeps the name a thread gave.
    await bg.ok({ type: 'page/context', context: gmail({ accountEmail: 'dana@brightlane.agency' }) }, contentScriptSender(4));
    expect(await bg.ok({ type: 'me/suggestion' })).toEqual({ email: 'dana@brightlane.agency', name: 'Dana Whitfield' });

    const me = await bg.ok<Member>({ type: 'me/update', name: 'Dana Whitfield', email: 'dana@brightlane.agency' });
    expect(me).toMatchObject({ name: 'Dana Whitfield', email: 'dana@brightlane.agency' });
    expect(await bg.ok({ type: 'me/suggestion' })).toBeNull();
  });
});
