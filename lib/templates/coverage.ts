import type { Template } from '../model/template';

/** Coverage (leave, holiday) and return: open items fall through while the owner is away. */
export const coverage: Template = {
  id: 'coverage',
  version: 1,
  kind: 'coverage',
  name: 'Coverage and return',
  description:
    'Hands a client to a covering colleague during leave and back again: what is in flight, open items with owners, who to escalate to and what must not happen while you are away.',
  fromRole: 'Owner',
  toRole: 'Covering colleague',
  fromRoleId: 'account_manager',
  toRoleId: 'account_manager',
  transfersOwnership: true,
  confirmWithinHours: 24,
  builtIn: true,
  fields: [
    {
      id: 'cover_start',
      label: 'Cover starts',
      type: 'date',
      required: true,
      help: 'The first day your colleague is in charge. Send the handoff at least one working day before, so there is time for questions.',
    },
    {
      id: 'return_date',
      label: 'Return date',
      type: 'date',
      required: true,
      help: 'The day you are back and take the client over again. The handback is due that day.',
    },
    {
      id: 'in_flight',
      label: 'What’s in flight',
      type: 'long_text',
      required: true,
      help: 'What is live or in progress and where each thing stands: campaigns running, approvals pending, conversations the client expects an answer to.',
      placeholder: 'Spring sale live until 14 Apr; client reviewing new landing page, expects feedback call Tue',
    },
    {
      id: 'open_items',
      label: 'Open action items',
      type: 'action_items',
      required: true,
      help: 'Everything that needs doing while you are away, each with an owner and a due date. Items without an owner fall through.',
      placeholder: 'Send March report to client',
    },
    {
      id: 'escalation_contacts',
      label: 'Escalate to',
      type: 'people',
      required: true,
      help: 'Who your colleague goes to when something goes wrong or needs a decision above them, with email and what each can decide.',
    },
    {
      id: 'must_not_happen',
      label: 'Must not happen',
      type: 'list',
      required: true,
      help: 'Things that must not happen while you are away: budget changes, creative sent without sign-off, promises on renewal. One per line.',
      placeholder: 'No budget increases without the CMO’s written OK',
    },
    {
      id: 'client_contacts',
      label: 'Client contacts',
      type: 'people',
      required: false,
      help: 'Who on the client side may get in touch while you are away, with email, and a word on how to handle each.',
    },
    {
      id: 'handback_notes',
      label: 'Handback notes',
      type: 'long_text',
      required: false,
      help: 'For the way back: what happened while the owner was away, what was decided and what is still open. Leave empty when handing over.',
    },
  ],
};
