import { describe, expect, it } from 'vitest';
import { suggestedClientName } from '../../../lib/match/suggested-name';

const domain = (value: string) => ({ kind: 'email-domain' as const, value });

describe('the client name a page suggests', () => {
  it('is the ad account’s name', () => {
    expect(suggestedClientName({ site: 'google-ads', account: { id: '7879395008', name: 'Northwind Outfitters' } }, [])).toBe('Northwind Outfitters');
  });

  it('is the Asana task’s project, its client part', () => {
    const title = 'Creative QA & launch checklist — Meta + TikTok - Northwind Outfitters – Q3 Paid Social - Asana';
    expect(suggestedClientName({ site: 'asana', title }, [])).toBe('Northwind Outfitters');
    expect(suggestedClientName({ site: 'asana', title: 'Asana' }, [])).toBe('');
  });

  it('is the thread’s outside organisation, spelt as the subject spells it', () => {
    const thread = { id: 't', subject: 'Re: Northwind Outfitters — Q3 paid social launch handoff', participants: [], messageIds: [] };
    expect(suggestedClientName({ site: 'gmail', thread }, [domain('northwindoutfitters.com')])).toBe('Northwind Outfitters');
  });

  it('falls back to the domain’s name when the subject does not spell it, and to nothing without one', () => {
    const thread = { id: 't', subject: 'Kick-off next week', participants: [], messageIds: [] };
    expect(suggestedClientName({ site: 'gmail', thread }, [domain('juniper-vale.coffee')])).toBe('Juniper Vale');
    expect(suggestedClientName({ site: 'gmail', thread }, [])).toBe('');
  });
});
