import { describe, expect, it } from 'vitest';
import { hubAnswer } from '../../../lib/background/commands/hub-answer';

// One reading of the hub's replies for the Asana, Slack and invite commands.
describe('hubAnswer', () => {
  it('gives the data, or the hub’s words and code', () => {
    expect(hubAnswer({ ok: true, data: { n: 1 } })).toEqual({ n: 1 });
    expect(() => hubAnswer({ ok: false, status: 403, problem: { code: 'forbidden', message: 'Only an admin can do that.' } })).toThrow(expect.objectContaining({ code: 'forbidden', message: 'Only an admin can do that.' }));
  });

  it('says a hub from before a feature does not offer it, only for that feature', () => {
    const old = { ok: false as const, status: 404, problem: { code: 'not-a-hub' as const, message: 'That address is not a Baton hub.' } };
    expect(() => hubAnswer(old, 'Asana')).toThrow(expect.objectContaining({ code: 'unavailable', message: 'This team hub does not offer Asana yet: ask whoever runs it to update it.' }));
    expect(() => hubAnswer(old)).toThrow(expect.objectContaining({ code: 'not-a-hub' }));
  });
});
