import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { demoteMe, newTestBackground, type TestBackground } from '../helpers/background';

let bg: TestBackground;
beforeEach(() => {
  fakeBrowser.reset();
  bg = newTestBackground();
});

describe('reminder settings', () => {
  it('start at the defaults and are kept in the workspace, for the whole team and across restarts', async () => {
    expect(await bg.ok({ type: 'reminders/get' })).toEqual({ remindEveryHours: 4, escalateAfterHours: 24 });
    await bg.ok({ type: 'reminders/save', settings: { remindEveryHours: 2, escalateAfterHours: 0 } });
    expect(await bg.ok({ type: 'reminders/get' })).toEqual({ remindEveryHours: 2, escalateAfterHours: 0 });
    expect(await newTestBackground(bg.dbName).ok({ type: 'reminders/get' })).toEqual({ remindEveryHours: 2, escalateAfterHours: 0 });
  });

  it('are changed by admins only, and never to nonsense', async () => {
    expect(await bg.refused({ type: 'reminders/save', settings: { remindEveryHours: -1, escalateAfterHours: 24 } })).toMatchObject({ code: 'bad-request' });
    await demoteMe(bg);
    expect(await bg.refused({ type: 'reminders/save', settings: { remindEveryHours: 1, escalateAfterHours: 1 } })).toMatchObject({ message: 'Only an admin can change the workspace.' });
  });
});
