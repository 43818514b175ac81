import { describe, expect, it } from 'vitest';
import { HandoffSchema } from '../../../lib/model/handoff';
import { ADA, CLIENT_ID, HANDOFF_ID, JANE, SAM, TOM, completeFields, driveTo, frozen, template, workspace } from './builders';

// The three failure stories of DOMAIN.md, and the confirmation loop, as issue 3's Acceptance list states them.

describe('story 1 — sales → AM: a ROAS commitment never checked against the client’s data', () => {
  const unvalidatedRoas = [{ metric: 'ROAS', value: '4.0', validated: false, evidence: '' }];

  function salesHandoff(commitments: unknown) {
    const s = workspace();
    s.must('handoff.created', JANE.id, HANDOFF_ID, {
      clientId: CLIENT_ID,
      templateId: 'sales-to-am',
      templateVersion: 1,
      receiverId: TOM.id,
      fields: completeFields('sales-to-am', { commitments }),
    });
    return s;
  }

  it('cannot be sent: the reason says the commitment is not validated', () => {
    const s = salesHandoff(unvalidatedRoas);
    const snapshot = frozen(s.model);
    const decision = s.try('handoff.sent', JANE.id, HANDOFF_ID, {});
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.problem.message).toMatch(/^Not ready to send: /);
    expect(decision.problem.message).toContain('“ROAS 4.0” is not validated against the client’s real data');
    expect(decision.problem.message).toMatch(/override reason/);
    expect(frozen(s.model)).toBe(snapshot);
    expect(s.handoff().state).toBe('draft');
  });

  it('an unanswered “validated?” blocks too, and so does “validated” without evidence', () => {
    const notSaid = salesHandoff([{ metric: 'ROAS', value: '4.0', validated: null }]);
    expect(notSaid.try('handoff.sent', JANE.id, HANDOFF_ID, {})).toEqual({
      ok: false,
      problem: { code: 'invalid', message: 'Not ready to send: Say whether “ROAS 4.0” was validated against the client’s real data.' },
    });
    const noEvidence = salesHandoff([{ metric: 'ROAS', value: '4.0', validated: true }]);
    expect(noEvidence.try('handoff.sent', JANE.id, HANDOFF_ID, {})).toEqual({
      ok: false,
      problem: { code: 'invalid', message: 'Not ready to send: Add the evidence that “ROAS 4.0” was validated.' },
    });
  });

  it.each(['ok', '  asap    ', 'trust me'])('an override reason too short to explain anything (%j) is refused', (overrideReason) => {
    const s = salesHandoff(unvalidatedRoas);
    const snapshot = frozen(s.model);
    expect(s.try('handoff.sent', JANE.id, HANDOFF_ID, { overrideReason })).toEqual({ ok: false, problem: { code: 'invalid', message: 'Say in a sentence why this handoff goes out incomplete.' } });
    expect(frozen(s.model)).toBe(snapshot);
  });

  it('a blank override reason is no reason: the completeness problem is shown', () => {
    const s = salesHandoff(unvalidatedRoas);
    const decision = s.try('handoff.sent', JANE.id, HANDOFF_ID, { overrideReason: '     ' });
    expect(decision).toMatchObject({ ok: false, problem: { code: 'invalid', message: expect.stringMatching(/not validated/) } });
  });

  it('with a written override reason it is sent, and the override is recorded and counted', () => {
    const s = salesHandoff(unvalidatedRoas);
    const overrideReason = 'Client signs Friday; Tom validates ROAS against their margins in week 1.';
    const event = s.must('handoff.sent', JANE.id, HANDOFF_ID, { overrideReason: `  ${overrideReason}  ` });
    const h = s.handoff();
    expect(h.state).toBe('sent');
    expect(h.sentAt).toBe(event.at);
    expect(h.override).toEqual({ reason: overrideReason, missing: ['commitments'] });
    expect(h.completenessAtSend).toEqual({
      required: 6,
      satisfied: 5,
      missing: [{ fieldId: 'commitments', reason: '“ROAS 4.0” is not validated against the client’s real data: validate it, or send with an override reason.' }],
    });
    // The timeline tells the story too.
    const line = s.model.timeline.find((t) => t.id === event.id);
    expect(line?.summary).toContain('with 1 missing (override: Client signs Friday');
    expect(HandoffSchema.safeParse(h).success).toBe(true);
  });

  it('a complete handoff is sent without any override recorded, even when a reason is given', () => {
    const s = salesHandoff([{ metric: 'ROAS', value: '4.0', validated: true, evidence: 'Checked against 2 years of Google Ads data and a 38% margin.' }]);
    s.must('handoff.sent', JANE.id, HANDOFF_ID, { overrideReason: 'Not needed, but here is a reason anyway.' });
    expect(s.handoff().override).toBeUndefined();
    expect(s.handoff().completenessAtSend).toEqual({ required: 6, satisfied: 6, missing: [] });
  });

  // The override records each missing field with the reason its check gave. A long open item with no
  // owner gives a reason longer than CompletenessSchema allows (500), so the sent handoff no longer
  // parses with its own schema, and a store that validates on read would refuse it.
  it('what is recorded at send still parses with HandoffSchema when a missing item has a long description', () => {
    const s = workspace();
    const longText = 'Send the Q3 budget proposal with the revised channel split, the agreed pacing rules and the exclusions list. '.repeat(6).trim();
    expect(longText.length).toBeLessThanOrEqual(1000); // within ActionItemSchema's limit
    s.must('handoff.created', JANE.id, HANDOFF_ID, {
      clientId: CLIENT_ID,
      templateId: 'am-transition',
      templateVersion: 1,
      receiverId: TOM.id,
      fields: completeFields('am-transition', { open_items: [{ id: 'a1', text: longText, ownerEmail: '', due: '' }] }),
    });
    s.must('handoff.sent', JANE.id, HANDOFF_ID, { overrideReason: 'Owner to be agreed at the joint client call on Monday.' });
    const parsed = HandoffSchema.safeParse(s.handoff());
    expect(parsed.error?.issues ?? []).toEqual([]);
  });
});

describe('story 2 — brief → creative: “refreshed brand voice” and a two-line chat message', () => {
  function brief(overrides: Record<string, unknown>) {
    const s = workspace();
    s.must('handoff.created', JANE.id, HANDOFF_ID, {
      clientId: CLIENT_ID,
      templateId: 'brief-to-creative',
      templateVersion: 1,
      receiverId: TOM.id,
      fields: completeFields('brief-to-creative', overrides),
    });
    return s;
  }

  it('without a tone-of-voice link it cannot be sent, and the reason names it', () => {
    const s = brief({ tone_of_voice: '' });
    expect(s.try('handoff.sent', JANE.id, HANDOFF_ID, {})).toEqual({ ok: false, problem: { code: 'invalid', message: 'Not ready to send: Add the link for “Approved tone of voice”.' } });
    expect(s.handoff().state).toBe('draft');
  });

  it('the words “refreshed brand voice” are not a link: refused when typed in', () => {
    const s = brief({ tone_of_voice: '' });
    const decision = s.try('handoff.updated', JANE.id, HANDOFF_ID, { fields: { tone_of_voice: 'refreshed brand voice' } });
    expect(decision).toMatchObject({ ok: false, problem: { code: 'invalid', message: expect.stringMatching(/^“Approved tone of voice”: /) } });
    expect(s.handoff().fields.tone_of_voice).toBe('');
  });

  it('without a scheduled walkthrough it cannot be sent, and the reason names it', () => {
    const fields = completeFields('brief-to-creative');
    delete fields.walkthrough;
    const s = workspace();
    s.must('handoff.created', JANE.id, HANDOFF_ID, { clientId: CLIENT_ID, templateId: 'brief-to-creative', templateVersion: 1, receiverId: TOM.id, fields });
    expect(s.try('handoff.sent', JANE.id, HANDOFF_ID, {})).toEqual({ ok: false, problem: { code: 'invalid', message: 'Not ready to send: Pick a date for “Brief walkthrough”.' } });
  });

  it('without either, both are named', () => {
    const s = brief({ tone_of_voice: '', walkthrough: '' });
    const decision = s.try('handoff.sent', JANE.id, HANDOFF_ID, {});
    expect(decision).toEqual({ ok: false, problem: { code: 'invalid', message: 'Not ready to send: Add the link for “Approved tone of voice”. Pick a date for “Brief walkthrough”.' } });
  });

  it('with both, it is sent complete', () => {
    const s = brief({ tone_of_voice: '', walkthrough: '' });
    s.must('handoff.updated', JANE.id, HANDOFF_ID, { fields: { tone_of_voice: 'https://drive.google.com/acme/tone-of-voice-v3', walkthrough: '2025-03-05T14:00:00+01:00' } });
    s.must('handoff.sent', JANE.id, HANDOFF_ID, {});
    const h = s.handoff();
    expect(h.state).toBe('sent');
    expect(h.completenessAtSend).toEqual({ required: 9, satisfied: 9, missing: [] });
    expect(h.override).toBeUndefined();
    // Brief → creative confirms within 24 hours by default.
    expect(Date.parse(h.dueBy!) - Date.parse(h.sentAt!)).toBe(24 * 3_600_000);
  });
});

describe('story 3 — AM transition: the new AM owns everything after confirmation', () => {
  const decisions = [
    { decision: 'No brand bidding', rationale: 'The CFO sees it as paying for free traffic.', consideredAndRejected: 'Brand bidding at a capped CPC' },
    { decision: 'Meta prospecting paused', rationale: 'Lead quality was poor in Q2 2024.' },
  ];
  const openItems = [
    { id: 'a1', text: 'Send Q3 budget proposal', ownerEmail: JANE.email, due: '2025-04-15' },
    { id: 'a2', text: 'Book quarterly review with the CMO', ownerEmail: JANE.email, due: '2025-04-30' },
    { id: 'a3', text: 'Fix purchase tag double firing', ownerEmail: SAM.email, due: '2025-04-10' },
  ];

  function transition(overrides: Record<string, unknown> = {}) {
    const s = workspace();
    // Items on the client from before the transition: Jane's move, Sam's stay Sam's.
    s.must('item.added', JANE.id, 'item-renewal', { clientId: CLIENT_ID, text: 'Prepare renewal deck', ownerEmail: JANE.email, due: '2025-05-01' });
    s.must('item.added', SAM.id, 'item-feed', { clientId: CLIENT_ID, text: 'Clean up the product feed', ownerEmail: SAM.email });
    s.must('handoff.created', JANE.id, HANDOFF_ID, {
      clientId: CLIENT_ID,
      templateId: 'am-transition',
      templateVersion: 1,
      receiverId: TOM.id,
      fields: completeFields('am-transition', { key_decisions: decisions, open_items: openItems, ...overrides }),
    });
    return s;
  }

  it('a decision without its rationale cannot be sent', () => {
    const s = transition({ key_decisions: [{ decision: 'No brand bidding', rationale: '' }] });
    expect(s.try('handoff.sent', JANE.id, HANDOFF_ID, {})).toEqual({ ok: false, problem: { code: 'invalid', message: 'Not ready to send: Every decision in “Key decisions” needs its rationale.' } });
  });

  it('an open item without an owner or a date cannot be sent', () => {
    const s = transition({ open_items: [{ id: 'a1', text: 'Send Q3 budget proposal', ownerEmail: '', due: '2025-04-15' }] });
    expect(s.try('handoff.sent', JANE.id, HANDOFF_ID, {})).toEqual({ ok: false, problem: { code: 'invalid', message: 'Not ready to send: “Send Q3 budget proposal” needs an owner and a date.' } });
  });

  it('captures decisions with rationale and items with owners; after confirmation the new AM owns them and the client', () => {
    const s = transition();
    s.must('handoff.sent', JANE.id, HANDOFF_ID, {});
    expect(s.handoff().fields.key_decisions).toEqual(decisions);
    expect(s.model.client(CLIENT_ID)?.ownerId).toBe(JANE.id);
    // Nothing moves before the receiver confirms.
    expect(s.model.item('item-renewal')?.ownerEmail).toBe(JANE.email);
    expect(s.model.item(`${HANDOFF_ID}:a1`)).toBeUndefined();

    const confirmed = s.must('handoff.confirmed', TOM.id, HANDOFF_ID, { comment: 'Clear. Intro call booked.' });

    expect(s.model.client(CLIENT_ID)?.ownerId).toBe(TOM.id);
    const owners = Object.fromEntries(s.model.openItems(CLIENT_ID).map((i) => [i.id, i.ownerEmail]));
    expect(owners).toEqual({
      'item-renewal': TOM.email, // Jane's pre-existing item moved
      'item-feed': SAM.email, // someone else's item stays theirs
      [`${HANDOFF_ID}:a1`]: TOM.email,
      [`${HANDOFF_ID}:a2`]: TOM.email,
      [`${HANDOFF_ID}:a3`]: SAM.email,
    });
    const a1 = s.model.item(`${HANDOFF_ID}:a1`)!;
    expect(a1).toMatchObject({ text: 'Send Q3 budget proposal', due: '2025-04-15', done: false, sourceHandoffId: HANDOFF_ID, updatedAt: confirmed.at });
    expect(s.model.item('item-renewal')?.updatedAt).toBe(confirmed.at);
    expect(s.model.item('item-feed')?.updatedAt).not.toBe(confirmed.at);
    // The new owner can now close what was Jane's; Jane no longer can.
    expect(s.try('item.completed', JANE.id, 'item-renewal', {})).toEqual({ ok: false, problem: { code: 'invalid', message: 'Only its owner or an admin can close an item.' } });
    expect(s.try('item.completed', TOM.id, 'item-renewal', {})).toMatchObject({ ok: true });
  });

  it('a completed item of the departing AM does not come back to life', () => {
    const s = transition();
    s.must('item.completed', JANE.id, 'item-renewal', {});
    s.must('handoff.sent', JANE.id, HANDOFF_ID, {});
    s.must('handoff.confirmed', TOM.id, HANDOFF_ID, {});
    expect(s.model.item('item-renewal')).toMatchObject({ ownerEmail: JANE.email, done: true });
  });

  // Emails are case-insensitive, and members' emails are stored lower-cased; an item added with
  // "Jane@Agency.test" (pasted from a signature) is Jane's, and must move with her other items.
  it('an item owned by the departing AM moves even when her email was typed with capitals', () => {
    const s = transition();
    s.must('item.added', ADA.id, 'item-caps', { clientId: CLIENT_ID, text: 'Chase the March invoice', ownerEmail: 'Jane@Agency.test' });
    s.must('handoff.sent', JANE.id, HANDOFF_ID, {});
    s.must('handoff.confirmed', TOM.id, HANDOFF_ID, {});
    expect(s.model.item('item-caps')?.ownerEmail).toBe(TOM.email);
  });
});

describe('the confirmation loop: gaps raised, answered, confirmed', () => {
  function sent() {
    const s = workspace();
    s.must('handoff.created', JANE.id, HANDOFF_ID, { clientId: CLIENT_ID, templateId: 'sales-to-am', templateVersion: 1, receiverId: TOM.id, fields: completeFields('sales-to-am') });
    s.must('handoff.sent', JANE.id, HANDOFF_ID, {});
    return s;
  }
  const twoGaps = [
    { id: 'gap-roas', fieldIds: ['commitments'], question: 'Over which window was ROAS 4.0 measured?' },
    { id: 'gap-who', fieldIds: ['stakeholders', 'primary_goals'], question: 'Who owns the sales goal on their side?' },
  ];

  it('two gaps on named fields, answered one by one, then confirmed: one round', () => {
    const s = sent();
    const raised = s.must('handoff.gaps_raised', TOM.id, HANDOFF_ID, { gaps: twoGaps });
    let h = s.handoff();
    expect(h.state).toBe('gaps_raised');
    expect(h.gapRounds).toBe(1);
    expect(h.gaps).toEqual(twoGaps.map((g) => ({ ...g, raisedBy: TOM.id, raisedAt: raised.at })));

    const confirmEarly = s.try('handoff.confirmed', TOM.id, HANDOFF_ID, {});
    expect(confirmEarly).toEqual({ ok: false, problem: { code: 'invalid', message: 'Gaps are open: the sender must answer them before you confirm.' } });

    const first = s.must('handoff.gaps_answered', JANE.id, HANDOFF_ID, { answers: [{ gapId: 'gap-roas', answer: 'Last 12 months, Google Ads only.' }] });
    h = s.handoff();
    expect(h.state).toBe('gaps_raised');
    expect(h.gaps[0]).toMatchObject({ answer: 'Last 12 months, Google Ads only.', answeredBy: JANE.id, answeredAt: first.at });
    expect(h.gaps[1]?.answer).toBeUndefined();
    expect(s.try('handoff.confirmed', TOM.id, HANDOFF_ID, {})).toEqual({ ok: false, problem: { code: 'invalid', message: 'Gaps are open: the sender must answer them before you confirm.' } });

    s.must('handoff.gaps_answered', JANE.id, HANDOFF_ID, {
      answers: [{ gapId: 'gap-who', answer: 'Maria, the CMO; added her to the stakeholders.' }],
      fields: { stakeholders: [{ name: 'Maria Client', role: 'CMO, owns the sales goal', email: 'maria@acme-outdoor.test' }] },
    });
    h = s.handoff();
    expect(h.state).toBe('gaps_answered');
    expect(h.fields.stakeholders).toEqual([{ name: 'Maria Client', role: 'CMO, owns the sales goal', email: 'maria@acme-outdoor.test' }]);

    s.must('handoff.confirmed', TOM.id, HANDOFF_ID, {});
    h = s.handoff();
    expect(h.state).toBe('confirmed');
    expect(h.gapRounds).toBe(1);
    expect(h.gaps.every((g) => g.answeredBy === JANE.id)).toBe(true);
  });

  it('a first-pass confirmation has no gap rounds; a second round of questions counts two', () => {
    const first = sent();
    first.must('handoff.confirmed', TOM.id, HANDOFF_ID, {});
    expect(first.handoff().gapRounds).toBe(0);

    const s = sent();
    s.must('handoff.gaps_raised', TOM.id, HANDOFF_ID, { gaps: [twoGaps[0]!] });
    s.must('handoff.gaps_raised', TOM.id, HANDOFF_ID, { gaps: [twoGaps[1]!] }); // same round: still open
    expect(s.handoff().gapRounds).toBe(1);
    s.must('handoff.gaps_answered', JANE.id, HANDOFF_ID, { answers: [{ gapId: 'gap-roas', answer: 'a' }, { gapId: 'gap-who', answer: 'b' }] });
    s.must('handoff.gaps_raised', TOM.id, HANDOFF_ID, { gaps: [{ id: 'gap-3', fieldIds: ['timeline'], question: 'Is 1 April promised or hoped for?' }] });
    expect(s.handoff().gapRounds).toBe(2);
  });

  it('a gap naming an unknown field is refused, and nothing is raised', () => {
    const s = sent();
    const snapshot = frozen(s.model);
    const decision = s.try('handoff.gaps_raised', TOM.id, HANDOFF_ID, {
      gaps: [twoGaps[0]!, { id: 'gap-x', fieldIds: ['commitments', 'budget_sheet'], question: 'Where is the budget sheet?' }],
    });
    expect(decision).toEqual({ ok: false, problem: { code: 'invalid', message: `“budget_sheet” is not a field of ${template('sales-to-am').name}.` } });
    expect(frozen(s.model)).toBe(snapshot);
    expect(s.handoff().state).toBe('sent');
  });

  it('gap ids are unique; answers must name an open gap', () => {
    const s = sent();
    s.must('handoff.gaps_raised', TOM.id, HANDOFF_ID, { gaps: [twoGaps[0]!] });
    expect(s.try('handoff.gaps_raised', TOM.id, HANDOFF_ID, { gaps: [twoGaps[0]!] })).toEqual({ ok: false, problem: { code: 'invalid', message: 'Each gap needs its own id.' } });
    expect(s.try('handoff.gaps_answered', JANE.id, HANDOFF_ID, { answers: [{ gapId: 'gap-nope', answer: 'x' }] })).toEqual({ ok: false, problem: { code: 'invalid', message: 'That gap does not exist.' } });
    s.must('handoff.gaps_raised', TOM.id, HANDOFF_ID, { gaps: [twoGaps[1]!] });
    s.must('handoff.gaps_answered', JANE.id, HANDOFF_ID, { answers: [{ gapId: 'gap-roas', answer: 'x' }] });
    expect(s.try('handoff.gaps_answered', JANE.id, HANDOFF_ID, { answers: [{ gapId: 'gap-roas', answer: 'again' }] })).toEqual({ ok: false, problem: { code: 'invalid', message: 'That gap is already answered.' } });
  });

  it('the receiver cannot answer their own gaps', () => {
    const s = driveTo('gaps_raised');
    expect(s.try('handoff.gaps_answered', TOM.id, HANDOFF_ID, { answers: [{ gapId: 'gap-a', answer: 'never mind' }] })).toEqual({ ok: false, problem: { code: 'invalid', message: 'Only the sender can answer gaps.' } });
  });

  // Reassigning while gaps are open puts the handoff in "reassigned", where confirm is allowed and
  // answering is not: the new receiver confirms past questions nobody answered, and the sender can no
  // longer answer them. Either the reassignment keeps the gaps blocking, or it is refused.
  it('reassigning while gaps are open does not let anyone confirm past the unanswered gaps', () => {
    const s = driveTo('gaps_raised');
    s.try('handoff.reassigned', ADA.id, HANDOFF_ID, { receiverId: SAM.id, reason: 'Tom is off sick.' });
    const receiver = s.handoff().receiverId!;
    s.try('handoff.confirmed', receiver, HANDOFF_ID, {});
    const h = s.handoff();
    const unanswered = h.gaps.filter((g) => g.answer === undefined).map((g) => g.id);
    // Confirmed only with every gap answered.
    if (h.state === 'confirmed') expect(unanswered).toEqual([]);
  });
});
