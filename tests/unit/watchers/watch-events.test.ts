// Watching a handoff: anyone on the team may watch or stop, watching twice changes nothing, and an
// unknown handoff is refused; the view never names the sender or receiver among the watchers.
import { describe, expect, it } from 'vitest';
import { shownWatcherIds } from '../../../lib/workflow/default-watchers';
import { ADA, CLIENT_ID, driveTo, HANDOFF_ID, JANE, SAM, TOM, workspace } from '../events/builders';

describe('handoff.watched and handoff.unwatched', () => {
  it('anyone may watch, a member or an admin, in a draft or a confirmed handoff; the actor is the watcher', () => {
    const s = driveTo('sent');
    s.must('handoff.watched', SAM.id, HANDOFF_ID, {});
    s.must('handoff.watched', ADA.id, HANDOFF_ID, {});
    expect(s.handoff().watcherIds).toEqual([SAM.id, ADA.id]);
    const confirmed = driveTo('confirmed', { handoffId: 'h-2' });
    confirmed.must('handoff.watched', SAM.id, 'h-2', {});
    expect(confirmed.handoff('h-2').watcherIds).toEqual([SAM.id]);
  });

  it('watching twice or stopping when not watching changes nothing', () => {
    const s = driveTo('sent');
    s.must('handoff.watched', SAM.id, HANDOFF_ID, {});
    const again = s.try('handoff.watched', SAM.id, HANDOFF_ID, {});
    expect(again).toMatchObject({ ok: true, changes: [] });
    expect(s.handoff().watcherIds).toEqual([SAM.id]);
    expect(s.try('handoff.unwatched', ADA.id, HANDOFF_ID, {})).toMatchObject({ ok: true, changes: [] });
    s.must('handoff.unwatched', SAM.id, HANDOFF_ID, {});
    expect(s.handoff().watcherIds).toEqual([]);
  });

  it('refuses an unknown handoff', () => {
    const s = workspace();
    expect(s.try('handoff.watched', SAM.id, 'h-nope', {})).toMatchObject({ ok: false, problem: { message: 'Unknown handoff.' } });
    expect(s.try('handoff.unwatched', SAM.id, 'h-nope', {})).toMatchObject({ ok: false, problem: { message: 'Unknown handoff.' } });
  });

  it('refuses a watcher who is not on the team when the handoff is created with watchers', () => {
    const s = workspace();
    const refused = s.try('handoff.created', JANE.id, HANDOFF_ID, { clientId: CLIENT_ID, templateId: 'brief-to-creative', templateVersion: 1, fields: {}, watcherIds: ['stranger'] });
    expect(refused).toMatchObject({ ok: false, problem: { message: 'Watchers must be members of the workspace.' } });
    s.must('handoff.created', JANE.id, HANDOFF_ID, { clientId: CLIENT_ID, templateId: 'brief-to-creative', templateVersion: 1, fields: {}, watcherIds: [SAM.id, SAM.id] });
    expect(s.handoff().watcherIds).toEqual([SAM.id]);
  });

  it('the view leaves out the sender and the receiver, even when they watch', () => {
    const s = driveTo('sent');
    for (const who of [SAM, JANE, TOM]) s.must('handoff.watched', who.id, HANDOFF_ID, {});
    expect(s.handoff().watcherIds).toEqual([SAM.id, JANE.id, TOM.id]);
    expect(shownWatcherIds(s.handoff())).toEqual([SAM.id]);
  });
});
