// A Gmail thread no client owns yet, as the background reports it to the panel (Northwind Outfitters
// writing to the agency, brightlane.agency).
import type { TabState } from '../../../lib/messaging/protocol';

export const THREAD_TAB: TabState = {
  tabId: 4,
  context: {
    site: 'gmail',
    url: 'https://mail.google.com/mail/u/0/#inbox/195fb10ea512bb59',
    accountEmail: 'jane.doe@brightlane.agency',
    identifiers: [],
    thread: {
      id: 'thread-f:1',
      legacyId: '195fb10ea512bb59',
      subject: 'Re: Northwind Outfitters — Q3 paid social launch handoff',
      participants: [{ email: 'maya.okafor@northwindoutfitters.com', name: 'Maya Okafor', role: 'from' }],
      messageIds: [],
    },
  },
  match: { status: 'none' },
  linkable: [
    { kind: 'gmail-thread', value: '195fb10ea512bb59' },
    { kind: 'email-domain', value: 'northwindoutfitters.com' },
  ],
  updatedAt: '2026-12-06T18:00:00.000Z',
};
