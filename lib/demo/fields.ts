// Complete, realistic field values for each built-in template, for one client of the demo agency.
// Complete means they pass the completeness check, so the demo's handoffs are sent like real ones.
import type { Person } from '../model/common';
import { BUILT_IN_TEMPLATES } from '../templates';
import type { DemoClient } from './agency';

export interface FieldContext {
  client: DemoClient;
  senderEmail: string;
  receiverEmail: string;
  /** An ISO date `offset` days from the demo's now. */
  day(offset: number): string;
  /** Action items need ids that stay the same on every build of the demo. */
  itemId(n: number): string;
}

const domainOf = (client: DemoClient) => /email-domain:(\S+)/.exec(client.identifiers)?.[1] ?? 'example.com';
const people = (client: DemoClient): Person[] => client.stakeholders;
/** Every item of a template's checklist, ticked: the handoff is ready to go. */
const ticked = (templateId: string, fieldId: string) =>
  (BUILT_IN_TEMPLATES.find((t) => t.id === templateId)?.fields.find((f) => f.id === fieldId)?.items ?? []).map((label) => ({ label, done: true }));

type Fill = (c: FieldContext) => Record<string, unknown>;

export const FIELD_FILLERS: Record<string, Fill> = {
  'sales-to-am': ({ client, day }) => ({
    primary_goals: [`Grow online revenue 25% year on year by Q4 for ${client.name}`, 'Bring blended cost per acquisition under $38', 'Launch the spring range with a measurable lift in new customers'],
    objections: ['Burned by the last agency on reporting: promised a weekly dashboard, got a monthly PDF', 'Worried the fee is high for their spend: we offered a 90-day review of scope'],
    deliverables: ['Google Ads search + Performance Max, managed daily', 'Meta prospecting and retargeting, 6 new creatives a month', 'Looker Studio dashboard, updated daily; monthly report and call', 'Quarterly business review'],
    timeline: `Kickoff call ${day(3)}; tracking audit in week one; first campaigns live by ${day(17)}; the client expects first results in the month-end report and was told the first 60 days are a learning phase.`,
    stakeholders: people(client),
    commitments: [
      { metric: 'ROAS on Google Ads', value: '3.5 within 90 days', validated: true, evidence: 'Checked against 14 months of their Google Ads history and a 42% gross margin shared by their finance lead.' },
      { metric: 'Dashboard', value: 'Live by the end of week two', validated: true, evidence: 'Data sources confirmed in the discovery call; GA4 access granted.' },
    ],
    budget: '$18k/month media + $4.5k fee; founder approves increases above 10%',
    contract_link: `https://drive.google.com/file/d/${client.key}-signed-proposal`,
    notes: 'They chose us over two larger agencies because we showed their own numbers in the pitch. Keep doing that.',
  }),
  'brief-to-creative': ({ client, day }) => ({
    objective: `Spring campaign for ${client.name}: drive first orders from new customers, measured by new-customer purchases in GA4.`,
    audience: 'Urban professionals 28–45 who already buy premium in the category; we found them through lookalikes of the top 10% of customers by lifetime value.',
    deliverables: ['3 landing page variants (hero, social proof, offer)', '6 Meta statics at 1:1 and 4:5', '2 vertical videos of 15 seconds', 'Email header for the launch'],
    tone_of_voice: client.toneOfVoiceUrl ?? `https://docs.google.com/document/d/${client.key}-tone-of-voice`,
    brand_guidelines: `https://www.${domainOf(client)}/brand`,
    walkthrough: day(2),
    deadline: day(16),
    approvers: people(client).slice(0, 1),
    considered_and_rejected: 'A discount-led message (rejected: trains customers to wait for sales) and a founder-story video (rejected for now: the founder prefers not to be on camera).',
    references: ['Last autumn’s best-performing static (CTR 2.1%)', 'Competitor landing page the client admires, linked in Asana'],
  }),
  'strategy-to-media': ({ client, day }) => ({
    campaign_objective: `Acquire new customers for ${client.name} at a sustainable cost while the spring range launches.`,
    kpi_targets: [
      { metric: 'Cost per new customer', value: '$42 or less', validated: true, evidence: 'Break-even CPA from the client’s margin sheet is $55; 42 leaves room for returns.' },
      { metric: 'ROAS (new customers)', value: '2.4', validated: true, evidence: 'Validated against the last 12 months of first-order value.' },
    ],
    audiences: 'Prospecting: lookalikes of purchasers (1–3%), interest stacks on outdoor and wellness. Retargeting: 30-day site visitors excluding purchasers. Exclude existing customers everywhere.',
    budget_pacing: '$24k over the flight: 60% prospecting, 40% retargeting; front-load 10% in week one for learning, then even daily pacing. Pause any ad set over $60 CPA after $400 spend.',
    flight_start: day(5),
    flight_end: day(47),
    ad_accounts: client.identifiers
      .split(' ')
      .filter((i) => /^(google-ads|meta-ad|tiktok|linkedin|microsoft)/.test(i))
      .map((i) => i.replace(':', ' ')),
    creative_assets: `https://drive.google.com/drive/folders/${client.key}-spring-creative`,
    tracking_checklist: ticked('strategy-to-media', 'tracking_checklist'),
    approvals: people(client).slice(0, 1),
  }),
  'launch-to-reporting': ({ client, day }) => ({
    what_launched: `Search, Performance Max and Meta prospecting for ${client.name} went live on ${day(-9)}; retargeting followed two days later.`,
    baseline_period: 'The 28 days before launch, same weekdays',
    baseline_figures: ['Revenue $61,200', 'Orders 1,034', 'Blended CPA $47.10', 'Conversion rate 2.3%'],
    kpi_targets: [{ metric: 'Blended CPA', value: '$40 by week six', validated: true, evidence: 'Agreed with the client against their margin sheet (see the strategy handoff).' }],
    tracking_caveats: 'Consent mode went live on launch day, so modelled conversions appear from then on: compare against the baseline with that in mind. Meta’s CAPI deduplication was fixed on day three.',
    dashboard_link: `https://lookerstudio.google.com/reporting/${client.key}-performance`,
    reporting_cadence: 'Weekly pacing email on Mondays; monthly report by the 5th; call the week after',
    client_expectations: 'They expect CPA to rise in the first two weeks while campaigns learn, and a clear view of new versus returning customers.',
    report_recipients: people(client),
  }),
  'am-transition': ({ client, day, senderEmail, receiverEmail, itemId }) => ({
    campaign_history: `Two years with ${client.name}. Started on search only; added LinkedIn last spring after a pilot that brought 40% cheaper qualified leads. Paused display in October after poor lead quality.`,
    key_decisions: [
      { decision: 'Paused display prospecting', rationale: 'Leads from display never reached a second meeting in six months.', consideredAndRejected: 'Tighter placement exclusions: tried for six weeks, no change.' },
      { decision: 'Bid on competitor names only in exact match', rationale: 'Broad match triggered complaints from a referral partner.', consideredAndRejected: '' },
    ],
    client_preferences: client.preferences,
    political_sensitivities: client.sensitivities.join(' ') || 'None known.',
    open_items: [
      { id: itemId(1), text: 'Send the Q3 budget proposal', ownerEmail: senderEmail, due: day(4) },
      { id: itemId(2), text: 'Replace the expiring LinkedIn lead form', ownerEmail: receiverEmail, due: day(9) },
    ],
    stakeholder_map: people(client),
    upcoming_deadlines: [`Quarterly review on ${day(12)}`, `Budget reset on ${day(21)}`],
    access_to_move: ['Google Ads: standard access for the new AM', 'LinkedIn Campaign Manager: account manager role', 'Shared Drive folder “Client reports”'],
    client_introduction: day(3),
  }),
  coverage: ({ client, day, senderEmail, itemId }) => ({
    cover_start: day(1),
    return_date: day(15),
    in_flight: `${client.name}: new search campaign in its second week of learning; a landing page test ends on ${day(6)}; the monthly report is due on the 5th.`,
    open_items: [
      { id: itemId(1), text: 'Call the winner of the landing page test and roll it out', ownerEmail: senderEmail, due: day(7) },
      { id: itemId(2), text: 'Send the monthly report', ownerEmail: senderEmail, due: day(10) },
    ],
    escalation_contacts: [{ name: 'Dana Whitfield', role: 'Managing director', email: 'dana@fieldstone.agency' }],
    must_not_happen: ['No budget increase without the client’s written approval', 'Do not restart the paused display campaigns'],
    client_contacts: people(client),
    handback_notes: 'A 15-minute handback call the morning I return; notes in the client’s Asana project.',
  }),
  'client-offboarding': ({ client, day }) => ({
    end_date: day(-3),
    offboarding_checklist: ticked('client-offboarding', 'offboarding_checklist'),
    final_report: `https://lookerstudio.google.com/reporting/${client.key}-final`,
    assets_handover: `https://drive.google.com/drive/folders/${client.key}-handover`,
    accesses_to_revoke: ['Google Ads manager link', 'Meta Business partner access', 'GA4 property user'],
    contacts: people(client),
    lessons_learned: 'We found out about the in-house move late. Ask about their team plans at every quarterly review.',
  }),
};
