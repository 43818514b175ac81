// What happened at the demo agency over the last two months: handoffs in every state, notes and failures.
import type { FAILURE_CATEGORIES } from '../model/note';
import type { MemberKey } from './agency';

type FailureCategory = (typeof FAILURE_CATEGORIES)[number];

/** One step after a handoff is created, a number of hours after the previous one. */
export type Step =
  | { do: 'send'; after: number; overrideReason?: string }
  | { do: 'raise'; after: number; gaps: { fieldIds: string[]; question: string }[] }
  | { do: 'answer'; after: number; answers: string[] }
  | { do: 'confirm'; after: number; comment?: string }
  | { do: 'cancel'; after: number; reason: string }
  | { do: 'reassign'; after: number; to: MemberKey; reason: string };

export interface HandoffStory {
  key: string;
  template: string;
  client: string;
  from: MemberKey;
  to: MemberKey;
  /** Days before now the sender started it. */
  startedDaysAgo: number;
  title: string;
  steps: Step[];
  /** Fields to leave out or change from the complete set (a draft is a draft; an override sends with a gap). */
  omit?: string[];
  fields?: Record<string, unknown>;
  /** Hours from now the receiver has to confirm (negative: overdue). */
  dueInHours?: number;
  gmailSubject?: string;
}

// "me" receives three handoffs to confirm (one overdue), sends two that came back with gaps, and
// waits on two more; the rest of the agency works around them.
export const HANDOFF_STORIES: HandoffStory[] = [
  {
    key: 'juniper-sale', template: 'sales-to-am', client: 'juniper', from: 'marcus', to: 'me', startedDaysAgo: 5,
    title: 'Juniper & Vale signed: subscriptions relaunch', dueInHours: -20,
    gmailSubject: 'Re: Fieldstone x Juniper & Vale — signed proposal attached',
    steps: [{ do: 'send', after: 26 }],
  },
  {
    key: 'meridian-transition', template: 'am-transition', client: 'meridian', from: 'dana', to: 'me', startedDaysAgo: 9,
    title: 'Meridian Legal: Dana hands the account to you', dueInHours: 30,
    steps: [
      { do: 'send', after: 30 },
      { do: 'raise', after: 20, gaps: [{ fieldIds: ['political_sensitivities'], question: 'Which partner backs the LinkedIn budget move, and who has the final say?' }] },
      { do: 'answer', after: 6, answers: ['Charlotte backs LinkedIn; the managing partner decides. Charlotte prefers to hear news first, before Rob.'] },
    ],
  },
  {
    key: 'copperline-coverage', template: 'coverage', client: 'copperline', from: 'tomas', to: 'lena', startedDaysAgo: 3,
    title: 'Cover Copperline while Tomás is on leave', dueInHours: 40,
    steps: [
      { do: 'send', after: 4 },
      { do: 'reassign', after: 18, to: 'me', reason: 'Lena is on the Ridgeline shoot all week.' },
    ],
  },
  {
    key: 'ridgeline-brief', template: 'brief-to-creative', client: 'ridgeline', from: 'me', to: 'lena', startedDaysAgo: 6,
    title: 'Ridgeline autumn trail range: creative brief', dueInHours: 10,
    steps: [
      { do: 'send', after: 22 },
      { do: 'raise', after: 28, gaps: [{ fieldIds: ['deliverables'], question: 'Are the two videos for TikTok only, or Reels too? The safe zones differ.' }] },
    ],
  },
  {
    key: 'fernhill-media', template: 'strategy-to-media', client: 'fernhill', from: 'me', to: 'tomas', startedDaysAgo: 8,
    title: 'Fernhill starter box launch: media plan', dueInHours: -6,
    steps: [
      { do: 'send', after: 20 },
      {
        do: 'raise', after: 30,
        gaps: [
          { fieldIds: ['kpi_targets'], question: 'Is the $42 target per new customer including the starter-box discount?' },
          { fieldIds: ['budget_pacing', 'flight_start'], question: 'Can we start a week later? The creative lands on the 12th.' },
        ],
      },
    ],
  },
  {
    key: 'quillsoft-reporting', template: 'launch-to-reporting', client: 'quillsoft', from: 'me', to: 'lena', startedDaysAgo: 2,
    title: 'Quillsoft LinkedIn pilot: reporting handoff', dueInHours: 44,
    steps: [{ do: 'send', after: 5 }],
  },
  {
    key: 'northgate-media', template: 'strategy-to-media', client: 'northgate', from: 'me', to: 'priya', startedDaysAgo: 12,
    title: 'Northgate auto-loan campaign: media plan', dueInHours: 12,
    steps: [
      { do: 'send', after: 24 },
      { do: 'raise', after: 20, gaps: [{ fieldIds: ['approvals'], question: 'Has their compliance team approved the APR wording?' }] },
      { do: 'answer', after: 3, answers: ['Yes: Paula forwarded compliance’s approval on the thread “APR wording v3”.'] },
    ],
  },
  {
    key: 'alderbrook-sale', template: 'sales-to-am', client: 'alderbrook', from: 'marcus', to: 'me', startedDaysAgo: 52,
    title: 'Alderbrook Dental signed: three practices', steps: [{ do: 'send', after: 20 }, { do: 'confirm', after: 18, comment: 'Clear and complete. Kickoff booked.' }],
  },
  {
    key: 'solace-media', template: 'strategy-to-media', client: 'solace', from: 'priya', to: 'tomas', startedDaysAgo: 40,
    title: 'Solace recruitment campaign: media plan',
    steps: [
      { do: 'send', after: 10 },
      { do: 'raise', after: 16, gaps: [{ fieldIds: ['audiences'], question: 'Can we remarket to care-enquiry visitors?' }] },
      { do: 'answer', after: 5, answers: ['No: health data. Remarket only to careers-page visitors.'] },
      { do: 'confirm', after: 4 },
    ],
  },
  {
    key: 'brightwater-offboarding', template: 'client-offboarding', client: 'brightwater', from: 'dana', to: 'lena', startedDaysAgo: 20,
    title: 'Brightwater moves in-house: offboarding', steps: [{ do: 'send', after: 8 }, { do: 'confirm', after: 26 }],
  },
  {
    key: 'marlowe-brief', template: 'brief-to-creative', client: 'marlowe', from: 'priya', to: 'lena', startedDaysAgo: 33,
    title: 'Marlowe salmon treats promo: brief',
    steps: [{ do: 'send', after: 6 }, { do: 'cancel', after: 30, reason: 'Product recall: the salmon treats line is pulled from sale.' }],
  },
  {
    key: 'juniper-brief', template: 'brief-to-creative', client: 'juniper', from: 'me', to: 'priya', startedDaysAgo: 2,
    title: 'Juniper & Vale subscription landing pages: brief', omit: ['walkthrough', 'considered_and_rejected', 'approvers'], steps: [],
  },
  {
    key: 'verity-sale', template: 'sales-to-am', client: 'verity', from: 'marcus', to: 'priya', startedDaysAgo: 4,
    title: 'Verity Skincare signed: TikTok-first growth', dueInHours: 20,
    fields: {
      commitments: [
        { metric: 'Blended ROAS', value: '4.0 from month two', validated: false, evidence: 'From the industry benchmark deck; their margins are not shared yet.' },
      ],
    },
    steps: [{ do: 'send', after: 3, overrideReason: 'Founder wants to start Monday; Priya will validate the ROAS target against their Shopify data in week one.' }],
  },
  {
    key: 'ashgrove-transition', template: 'am-transition', client: 'ashgrove', from: 'marcus', to: 'tomas', startedDaysAgo: 26,
    title: 'Ashgrove: from sales to Tomás for day-to-day',
    steps: [{ do: 'send', after: 12 }, { do: 'reassign', after: 20, to: 'priya', reason: 'Priya has the property-sector experience.' }, { do: 'confirm', after: 10 }],
  },
  {
    key: 'copperline-reporting', template: 'launch-to-reporting', client: 'copperline', from: 'tomas', to: 'lena', startedDaysAgo: 45,
    title: 'Copperline New Year push: reporting', steps: [{ do: 'send', after: 7 }, { do: 'confirm', after: 30 }],
  },
  {
    key: 'ridgeline-coverage', template: 'coverage', client: 'ridgeline', from: 'priya', to: 'me', startedDaysAgo: 35,
    title: 'Cover Ridgeline during Priya’s conference week', steps: [{ do: 'send', after: 9 }, { do: 'confirm', after: 5 }],
  },
];

export type NoteStory =
  | { kind: 'decision'; client: string; by: MemberKey; daysAgo: number; decision: string; rationale: string; consideredAndRejected?: string; handoff?: string }
  | { kind: 'call_summary'; client: string; by: MemberKey; daysAgo: number; summary: string; attendees: string[] }
  | { kind: 'commitment'; client: string; by: MemberKey; daysAgo: number; commitment: string; validated: boolean; evidence?: string }
  | { kind: 'note'; client: string; by: MemberKey; daysAgo: number; text: string };

export const NOTE_STORIES: NoteStory[] = [
  { kind: 'decision', client: 'meridian', by: 'dana', daysAgo: 44, decision: 'Move 20% of search budget to LinkedIn for one quarter', rationale: 'LinkedIn leads reached a second meeting twice as often in the pilot.', consideredAndRejected: 'A full switch: too risky before the pilot is repeated.' },
  { kind: 'call_summary', client: 'juniper', by: 'me', daysAgo: 3, summary: 'Kickoff prep with Hannah: subscriptions are the priority, one-off gift boxes second. She wants to see the tone of voice before any copy.', attendees: ['Hannah Vale', 'Owen Price'] },
  { kind: 'commitment', client: 'fernhill', by: 'me', daysAgo: 15, commitment: 'Cost per new customer under $42 on the starter box', validated: true, evidence: 'Contribution margin sheet from Maya, 3 March.' },
  { kind: 'decision', client: 'alderbrook', by: 'me', daysAgo: 30, decision: 'Switch bidding to booked appointments', rationale: 'Clicks were cheap but did not book; the booking system now reports conversions.' },
  { kind: 'call_summary', client: 'quillsoft', by: 'tomas', daysAgo: 10, summary: 'Pilot review with Ben: 14 opportunities from LinkedIn in six weeks. He wants pipeline value in every report.', attendees: ['Ben Adeyemi', 'Clara Holm'] },
  { kind: 'commitment', client: 'verity', by: 'marcus', daysAgo: 5, commitment: 'Blended ROAS of 4.0 from month two', validated: false, evidence: '' },
  { kind: 'note', client: 'northgate', by: 'me', daysAgo: 18, text: 'Paula is on leave in the second half of next month; her deputy approves in the meantime.' },
  { kind: 'decision', client: 'ridgeline', by: 'priya', daysAgo: 22, decision: 'Lead autumn creative with customer photos', rationale: 'UGC beat studio shots 2:1 on click-through in the summer test.', consideredAndRejected: 'A brand film: the budget does not cover production this season.' },
];

export interface FailureStory {
  client: string;
  handoff?: string;
  by: MemberKey;
  daysAgo: number;
  category: FailureCategory;
  hours: number;
  description: string;
}

export const FAILURE_STORIES: FailureStory[] = [
  { client: 'copperline', handoff: 'copperline-reporting', by: 'lena', daysAgo: 25, category: 'missing_context', hours: 6, description: 'The first report compared against December, not the agreed baseline; rebuilt it and re-sent.' },
  { client: 'marlowe', handoff: 'marlowe-brief', by: 'lena', daysAgo: 28, category: 'duplicated_work', hours: 9, description: 'Two statics designed for the salmon treats before the recall reached the creative team.' },
  { client: 'meridian', by: 'dana', daysAgo: 38, category: 'client_complaint', hours: 3, description: 'Rob heard about the LinkedIn budget move from Charlotte, not from us.' },
  { client: 'solace', handoff: 'solace-media', by: 'tomas', daysAgo: 33, category: 'wrong_expectations', hours: 4, description: 'Remarketing audience built from care-enquiry pages had to be deleted.' },
  { client: 'copperline', by: 'tomas', daysAgo: 50, category: 'missed_deadline', hours: 2.5, description: 'January pacing email went out four days late.' },
];
