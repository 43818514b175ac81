// The demo agency's people and clients: plain data, so the story reads like a real book of business.
import type { Person } from '../model/common';
import type { Member } from '../model/member';

export const AGENCY = { name: 'Fieldstone Digital', domain: 'fieldstone.agency' } as const;

/** Colleagues of the person trying Baton. `me` joins them as an account manager. */
export const DEMO_MEMBERS = {
  dana: { id: 'demo-member-dana', name: 'Dana Whitfield', email: 'dana@fieldstone.agency', role: 'admin', job: 'Managing director' },
  marcus: { id: 'demo-member-marcus', name: 'Marcus Bell', email: 'marcus@fieldstone.agency', role: 'member', job: 'Sales lead' },
  priya: { id: 'demo-member-priya', name: 'Priya Nair', email: 'priya@fieldstone.agency', role: 'member', job: 'Strategist' },
  tomas: { id: 'demo-member-tomas', name: 'Tomás Herrera', email: 'tomas@fieldstone.agency', role: 'member', job: 'Paid media buyer' },
  lena: { id: 'demo-member-lena', name: 'Lena Okafor', email: 'lena@fieldstone.agency', role: 'member', job: 'Creative & reporting lead' },
} as const satisfies Record<string, Member & { job: string }>;

export type MemberKey = keyof typeof DEMO_MEMBERS | 'me';

export interface DemoClient {
  key: string;
  name: string;
  /** `kind:value …` as a person would type it (ARCHITECTURE §3.3), normalised on the way in. */
  identifiers: string;
  owner: MemberKey;
  stakeholders: Person[];
  preferences: string[];
  sensitivities: string[];
  toneOfVoiceUrl?: string;
}

const person = (name: string, role: string, email: string): Person => ({ name, role, email });

// Every identifier kind of ARCHITECTURE §3.1 appears at least once, none shared between clients.
export const DEMO_CLIENTS: DemoClient[] = [
  {
    key: 'juniper',
    name: 'Juniper & Vale Coffee Roasters',
    identifiers: 'email-domain:junipervale.coffee google-ads-ocid:6218840731 google-ads-customer:318-552-9047 meta-ad-account:act_2291047736510 asana-project:1207731190422871 ga4-property:412093385',
    owner: 'me',
    stakeholders: [person('Hannah Vale', 'Founder, signs off budgets', 'hannah@junipervale.coffee'), person('Owen Price', 'E-commerce manager', 'owen@junipervale.coffee')],
    preferences: ['Weekly Monday call, 20 minutes, agenda the Friday before', 'Wants subscription sign-ups reported separately from one-off orders'],
    sensitivities: ['Hannah wrote the original brand copy: rewrite it gently and explain why'],
    toneOfVoiceUrl: 'https://docs.google.com/document/d/1jv-tone-of-voice',
  },
  {
    key: 'alderbrook',
    name: 'Alderbrook Dental Group',
    identifiers: 'email-domain:alderbrookdental.com google-ads-customer:604-118-2290 microsoft-ads-account:180443921 microsoft-ads-customer:251907716',
    owner: 'me',
    stakeholders: [person('Dr. Ruth Castellano', 'Managing partner', 'ruth.castellano@alderbrookdental.com'), person('Gavin Morales', 'Practice operations', 'gavin@alderbrookdental.com')],
    preferences: ['Bookings, not clicks: report cost per booked new-patient appointment', 'No ads on Sundays (practices closed)'],
    sensitivities: ['Advertising rules for dental claims: no before/after photos, no “painless”'],
  },
  {
    key: 'ridgeline',
    name: 'Ridgeline Outdoor Supply',
    identifiers: 'email-domain:ridgelineoutdoor.com meta-ad-account:act_1650392278814 meta-business:884120937715 tiktok-advertiser:7302918846601 ga4-account:287741920 ga4-property:398120447',
    owner: 'priya',
    stakeholders: [person('Sam Whitaker', 'Head of marketing', 'sam.whitaker@ridgelineoutdoor.com'), person('Ivy Chen', 'Brand manager', 'ivy.chen@ridgelineoutdoor.com')],
    preferences: ['Creative leads with product in use outdoors, never studio shots', 'Monthly creative review with Ivy before anything new goes live'],
    sensitivities: ['Lost a sustainability claim dispute in 2024: every “eco” claim needs a source'],
    toneOfVoiceUrl: 'https://www.notion.so/ridgeline/Voice-and-tone-8c1f',
  },
  {
    key: 'meridian',
    name: 'Meridian Legal Partners',
    identifiers: 'email-domain:meridianlegal.co.uk linkedin-ad-account:508821374 google-ads-customer:771-240-6618',
    owner: 'dana',
    stakeholders: [person('Charlotte Ames', 'Marketing partner', 'c.ames@meridianlegal.co.uk'), person('Rob Kinsella', 'Business development', 'r.kinsella@meridianlegal.co.uk')],
    preferences: ['Formal written updates; calls only when booked a week ahead', 'LinkedIn leads routed to Rob within one working day'],
    sensitivities: ['Two partners disagree on moving budget from search to LinkedIn: present both views'],
  },
  {
    key: 'fernhill',
    name: 'Fernhill Organics',
    identifiers: 'email-domain:fernhillorganics.com google-ads-ocid:5530912847 meta-ad-account:act_9930418872201 asana-project:1208843311904516',
    owner: 'me',
    stakeholders: [person('Maya Lindqvist', 'CMO', 'maya@fernhillorganics.com'), person('Jonah Reyes', 'Growth analyst', 'jonah@fernhillorganics.com')],
    preferences: ['Shared Slack channel for quick questions; email for approvals'],
    sensitivities: ['Margins are thin on the starter box: never promise ROAS on it without checking contribution margin'],
    toneOfVoiceUrl: 'https://docs.google.com/document/d/1fo-brand-voice',
  },
  {
    key: 'copperline',
    name: 'Copperline Fitness',
    identifiers: 'email-domain:copperlinefitness.com tiktok-advertiser:7188402217736 meta-ad-account:act_4410927735510',
    owner: 'tomas',
    stakeholders: [person('Dre Jackson', 'Owner', 'dre@copperlinefitness.com')],
    preferences: ['Results by studio location, five studios', 'Texts are fine for urgent issues'],
    sensitivities: ['Previous agency spent the January budget in ten days: pacing updates weekly'],
  },
  {
    key: 'solace',
    name: 'Solace Home Care',
    identifiers: 'email-domain:solacehomecare.org google-ads-customer:912-330-4471 ga4-property:377204918',
    owner: 'priya',
    stakeholders: [person('Angela Brooks', 'Director of operations', 'abrooks@solacehomecare.org'), person('Neil Fraser', 'Compliance officer', 'nfraser@solacehomecare.org')],
    preferences: ['Every ad copy change approved by Neil (compliance) first'],
    sensitivities: ['Healthcare data: no remarketing lists built from care-enquiry pages'],
  },
  {
    key: 'brightwater',
    name: 'Brightwater Marina Resort',
    identifiers: 'email-domain:brightwatermarina.com google-ads-customer:455-902-1186 meta-ad-account:act_7719302284415',
    owner: 'dana',
    stakeholders: [person('Lucia Ferreira', 'General manager', 'lucia@brightwatermarina.com')],
    preferences: ['Seasonal: budget peaks April to August'],
    sensitivities: ['Leaving us for an in-house team at the end of the season; stay gracious'],
  },
  {
    key: 'quillsoft',
    name: 'Quillsoft',
    identifiers: 'email-domain:quillsoft.io linkedin-ad-account:512094418 microsoft-ads-account:180991204 asana-workspace:1199402218876102 asana-task:1199402218877340',
    owner: 'tomas',
    stakeholders: [person('Ben Adeyemi', 'VP demand generation', 'ben@quillsoft.io'), person('Clara Holm', 'Marketing ops', 'clara@quillsoft.io')],
    preferences: ['Pipeline, not MQLs: report opportunities created from paid'],
    sensitivities: ['Board meeting each quarter: numbers frozen the week before'],
  },
  {
    key: 'marlowe',
    name: 'Marlowe Pet Supply',
    identifiers: 'email-domain:marlowepets.com google-ads-ocid:7741209935 tiktok-advertiser:7219904411825 meta-ad-account:act_3380120957742',
    owner: 'lena',
    stakeholders: [person('Tessa Marlowe', 'Co-founder', 'tessa@marlowepets.com')],
    preferences: ['Loves UGC-style video; dislikes stock photography'],
    sensitivities: ['A product recall in spring: no ads for the salmon treats line'],
  },
  {
    key: 'ashgrove',
    name: 'Ashgrove Property Group',
    identifiers: 'email-domain:ashgroveproperty.com meta-business:990412873305 google-ads-customer:238-771-0954',
    owner: 'marcus',
    stakeholders: [person('Victor Osei', 'Sales director', 'victor.osei@ashgroveproperty.com')],
    preferences: ['Lead quality over volume: wants call recordings sampled monthly'],
    sensitivities: ['Fair-housing rules: no targeting by age or postcode exclusions'],
  },
  {
    key: 'northgate',
    name: 'Northgate Credit Union',
    identifiers: 'email-domain:northgatecu.org email:marketing@northgatecu.org linkedin-ad-account:530217746 google-ads-customer:662-014-3398 gmail-thread:18c2f0a9d41b7e53',
    owner: 'me',
    stakeholders: [person('Paula Drummond', 'Head of member growth', 'pdrummond@northgatecu.org')],
    preferences: ['Quarterly business review in person'],
    sensitivities: ['Regulated financial promotions: rates and APRs approved by their compliance team'],
  },
  {
    key: 'verity',
    name: 'Verity Skincare',
    identifiers: 'email-domain:verityskincare.com tiktok-advertiser:7320018847112 meta-ad-account:act_6602281934409 ga4-property:421887309',
    owner: 'marcus',
    stakeholders: [person('Noor Haddad', 'Founder & CEO', 'noor@verityskincare.com'), person('Elliot Grant', 'Head of e-commerce', 'elliot@verityskincare.com')],
    preferences: ['Fast feedback loops: wants creative tests every two weeks'],
    sensitivities: ['Investors watch CAC closely; do not quote blended ROAS without the new-customer split'],
  },
];
