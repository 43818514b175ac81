import { describe, expect, it } from 'vitest';
import { checkKeyFacts, toneOfVoiceLink } from '../../../lib/model/key-facts';

const draft = (over: Partial<Parameters<typeof checkKeyFacts>[0]> = {}) => ({ stakeholders: [], preferences: [], sensitivities: [], toneOfVoiceUrl: '', ...over });

describe('key facts as typed', () => {
  it('reads a tone-of-voice link typed without https:// and refuses what is not a web address', () => {
    expect(toneOfVoiceLink(' acme.com/brand ')).toEqual({ ok: true, url: 'https://acme.com/brand' });
    expect(toneOfVoiceLink('http://acme.com/brand')).toEqual({ ok: true, url: 'http://acme.com/brand' });
    expect(toneOfVoiceLink('')).toEqual({ ok: true, url: '' });
    for (const bad of ['brand guide', 'javascript:alert(1)', 'ftp://acme.com/x', 'https://', 'mailto:a@b.co']) expect(toneOfVoiceLink(bad).ok, bad).toBe(false);
  });

  it('keeps hostile text as text: NUL and a half emoji removed, a 1 MB item refused with its number, a long name cut in the message', () => {
    const checked = checkKeyFacts(draft({ preferences: ['<script>alert(1)</script>\u0000', 'half \uD83D emoji'], sensitivities: ['x'.repeat(1_000_000)] }));
    expect(checked).toEqual({ ok: false, problems: ['Sensitivity 1: Too long: at most 1000 characters.'] });
    expect(checkKeyFacts(draft({ preferences: ['<script>alert(1)</script>\u0000', 'half \uD83D emoji'] }))).toMatchObject({ ok: true, facts: { preferences: ['<script>alert(1)</script>', 'half  emoji'] } });
    const long = checkKeyFacts(draft({ stakeholders: [{ name: 'N'.repeat(300), role: '', email: '' }, { name: 'Bo', role: 'r'.repeat(300), email: 'bo@acme.com' }] }));
    expect(long).toEqual({ ok: false, problems: [`Stakeholder 1 (${'N'.repeat(80)}) needs an email address.`, 'Stakeholder 2, role: Too long: at most 200 characters.'] });
  });
});
