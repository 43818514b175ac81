import { describe, expect, it } from 'vitest';
import { inviteLink, parseInviteLink, readInviteLink } from '../../../lib/sync/invite-link';

const CODE = 'bi_AbCdEfGhIjKlMnOpQrStUvWx';

describe('invite links', () => {
  it('round-trips an address and a code, with or without a trailing slash or a path', () => {
    expect(inviteLink('https://hub.example.com/', CODE)).toBe(`https://hub.example.com/join#${CODE}`);
    expect(parseInviteLink(inviteLink('https://hub.example.com', CODE))).toEqual({ url: 'https://hub.example.com', code: CODE });
    expect(parseInviteLink(inviteLink('https://example.com/baton/', CODE))).toEqual({ url: 'https://example.com/baton', code: CODE });
    expect(parseInviteLink(inviteLink('http://127.0.0.1:8787', CODE))).toEqual({ url: 'http://127.0.0.1:8787', code: CODE });
  });

  it('finds the link in what a person pastes: whitespace, an email line, brackets, trailing punctuation', () => {
    const want = { url: 'https://hub.example.com', code: CODE };
    for (const text of [
      `  https://hub.example.com/join#${CODE}\n`,
      `Your invite: https://hub.example.com/join#${CODE}. See you there!`,
      `Join here <https://hub.example.com/join#${CODE}>, thanks`,
      `(https://hub.example.com/join#${CODE})`,
      `“https://hub.example.com/join#${CODE}”`,
      `link: https://hub.example.com/join#${CODE} and again https://hub.example.com/join#${CODE}!`,
    ]) expect(parseInviteLink(text), text).toEqual(want);
  });

  it('refuses anything else with a reason a person can act on', () => {
    const reason = (text: string) => {
      const read = readInviteLink(text);
      return read.ok ? 'accepted' : read.problem.message;
    };
    expect(reason(CODE)).toMatch(/invite code, not a link/);
    expect(reason('')).toMatch(/Paste the whole invite link/);
    expect(reason('https://hub.example.com/')).toMatch(/Paste the whole invite link/);
    expect(reason('https://hub.example.com/join#bi_short')).toMatch(/cut short/);
    expect(reason(`https://hub.example.com/join#${CODE}<script>`)).toBe('accepted'); // the bracket ends the link
    expect(reason(`https://hub.example.com/join#${CODE}%00`)).toMatch(/cut short/);
    expect(reason(`https://a.example/join#${CODE} https://b.example/join#${CODE}`)).toMatch(/more than one/);
    expect(reason(`https://user:pw@hub.example.com/join#${CODE}`)).toMatch(/user name or password/);
    expect(reason(`https://hub.example.com/?x=1/join#${CODE}`)).toMatch(/extra parts/);
    expect(reason(`https://hub.example.com/#/join#${CODE}`)).toMatch(/extra parts/);
    expect(reason(`javascript://hub.example.com/join#${CODE}`)).toMatch(/Paste the whole invite link/);
    expect(reason(`https://ex%zzample.com/join#${CODE}`)).toMatch(/does not start with a hub/);
    expect(reason(`${'https://x/join#'.repeat(2000)}${CODE}`)).toMatch(/far too long/);
  });

  it('stays fast on hostile input', () => {
    const start = performance.now();
    for (const text of ['/join#'.repeat(1600), `https://${'a'.repeat(9000)}/join#${CODE}`, ' \t'.repeat(4000), 'https://'.repeat(1200)]) parseInviteLink(text);
    expect(performance.now() - start).toBeLessThan(200);
  });
});
