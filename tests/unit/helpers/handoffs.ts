/** A brief → creative handoff's fields, complete: it can be sent without an override. */
export const COMPLETE_BRIEF = {
  objective: 'Launch the autumn range to returning customers.',
  audience: 'Past purchasers, 25–45, UK.',
  deliverables: ['6 landing pages'],
  tone_of_voice: 'https://docs.example.com/tov',
  brand_guidelines: 'https://docs.example.com/brand',
  walkthrough: '2026-11-04',
  deadline: '2026-11-20',
  approvers: [{ name: 'Maya Okafor', role: 'CMO', email: 'maya@northwindoutfitters.com' }],
  considered_and_rejected: 'A discount-led message: rejected, it erodes margin.',
};
