import { describe, expect, it } from 'vitest';
import { canImport, previewClientImport, toClientDrafts } from '../../../lib/import/clients-csv';
import { addKeyFacts, readImportedKeyFacts } from '../../../lib/import/key-facts-columns';

describe('key-facts columns of the client CSV', () => {
  it('reads stakeholders as a spreadsheet user types them: Name (Role) <email>; role and brackets optional', () => {
    expect(readImportedKeyFacts({ stakeholders: 'Jane Doe (CMO, signs off) <Jane@Acme.com>; Tom Lee <tom@acme.com>;  Ann Park ann@acme.com ; ' })).toEqual({
      facts: {
        stakeholders: [
          { name: 'Jane Doe', role: 'CMO, signs off', email: 'jane@acme.com' },
          { name: 'Tom Lee', role: '', email: 'tom@acme.com' },
          { name: 'Ann Park', role: '', email: 'ann@acme.com' },
        ],
      },
      errors: [],
    });
  });

  it('splits preferences and sensitivities on ";", drops blanks and repeats, and reads a link typed without https://', () => {
    expect(readImportedKeyFacts({ preferences: 'Calls, not email, for budget; Reports as PDF;; Reports as PDF', sensitivities: 'Never mention the 2023 recall', toneOfVoiceUrl: 'acme.com/brand' })).toEqual({
      facts: { preferences: ['Calls, not email, for budget', 'Reports as PDF'], sensitivities: ['Never mention the 2023 recall'], toneOfVoiceUrl: 'https://acme.com/brand' },
      errors: [],
    });
  });

  it('says what is wrong, in words a spreadsheet user can act on', () => {
    expect(readImportedKeyFacts({ stakeholders: 'Jane Doe (CMO); <tom@acme.com>; Ann <ann at acme>', toneOfVoiceUrl: 'our brand deck' }).errors).toEqual([
      '“Jane Doe (CMO)” has no email address: write stakeholders as Name (Role) <email>, separated by “;”.',
      'Stakeholder 1 needs a name.',
      'Stakeholder 2: “ann at acme” is not an email address.',
      'The tone-of-voice link must be a web address, such as https://drive.google.com/… or acme.com/brand.',
    ]);
  });

  it('adds to a client without removing anything: a known email gets its new role, lists grow without repeats', () => {
    const client = { stakeholders: [{ name: 'Jane Doe', role: 'CMO', email: 'jane@acme.com' }, { name: 'Bo', role: '', email: 'bo@acme.com' }], preferences: ['Reports as PDF'], sensitivities: [] };
    expect(addKeyFacts(client, { stakeholders: [{ name: 'Jane Doe', role: 'CEO', email: 'jane@acme.com' }, { name: 'Tom Lee', role: '', email: 'tom@acme.com' }], preferences: ['Reports as PDF', 'Calls on Mondays'] })).toEqual({
      stakeholders: [
        { name: 'Jane Doe', role: 'CEO', email: 'jane@acme.com' },
        { name: 'Bo', role: '', email: 'bo@acme.com' },
        { name: 'Tom Lee', role: '', email: 'tom@acme.com' },
      ],
      preferences: ['Reports as PDF', 'Calls on Mondays'],
    });
    expect(addKeyFacts(client, {})).toEqual({});
  });

  it('previews the optional columns with a summary per row, flags bad cells per row, and carries them to the import', () => {
    const csv = [
      'name,stakeholders,preferences,sensitivities,Tone of voice URL',
      'Acme,"Jane Doe (CMO) <jane@acme.com>; Tom Lee <tom@acme.com>",Calls not email; PDF reports,The 2023 recall,acme.com/brand',
      'Globex,,,,',
      'Initech,Peter (no email),,,not a link',
    ].join('\n');
    const result = previewClientImport(csv, []);
    expect(result.unknownColumns).toEqual([]);
    const [acme, globex, initech] = result.rows;
    expect(acme).toMatchObject({ errors: [], facts: '2 stakeholders, 2 preferences, 1 sensitivity, tone-of-voice link' });
    expect(globex?.errors).toEqual([]);
    expect(globex?.facts).toBeUndefined();
    expect(initech?.errors).toEqual([expect.stringContaining('“Peter (no email)” has no email address'), expect.stringContaining('tone-of-voice link must be a web address')]);
    expect(canImport(result)).toBe(false);

    const fixed = previewClientImport(csv.replace('Peter (no email)', 'Peter <peter@initech.example>').replace('not a link', ''), []);
    expect(canImport(fixed)).toBe(true);
    expect(toClientDrafts(fixed)).toEqual([
      { line: 2, name: 'Acme', identifiers: '', stakeholders: 'Jane Doe (CMO) <jane@acme.com>; Tom Lee <tom@acme.com>', preferences: 'Calls not email; PDF reports', sensitivities: 'The 2023 recall', toneOfVoiceUrl: 'acme.com/brand' },
      { line: 3, name: 'Globex', identifiers: '' },
      { line: 4, name: 'Initech', identifiers: '', stakeholders: 'Peter <peter@initech.example>' },
    ]);
  });

  it('reads a 1 MB hostile cell at once and says what is wrong, in the preview as in the import', () => {
    const started = performance.now();
    const entry = readImportedKeyFacts({ stakeholders: `Jane ${'x '.repeat(45_000)}` });
    expect(entry.errors).toEqual([expect.stringMatching(/^“Jane x x x.*” is longer than 700 characters: write stakeholders as Name \(Role\) <email>, separated by “;”\.$/)]);
    const row = previewClientImport(`name,stakeholders,preferences\nAcme,"${'y'.repeat(1_000_000)}","${'z'.repeat(400_000)}"`, []).rows[0];
    expect(row?.errors).toEqual(['The stakeholders cell is longer than 100,000 characters.', 'The preferences cell is longer than 300,000 characters.']);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('reads a stakeholder written without brackets by its last word', () => {
    expect(readImportedKeyFacts({ stakeholders: 'Ann Park (Head of SEO) ann@acme.com; Bo bo@' })).toEqual({
      facts: {},
      errors: ['Stakeholder 2: “bo@” is not an email address.'],
    });
    expect(readImportedKeyFacts({ stakeholders: 'Ann Park (Head of SEO)\tann@acme.com' }).facts.stakeholders).toEqual([{ name: 'Ann Park', role: 'Head of SEO', email: 'ann@acme.com' }]);
  });

  it('refuses a cell or an import that would give a client more than 200 of anything, naming what', () => {
    const many = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word} ${i}`).join('; ');
    expect(readImportedKeyFacts({ preferences: many(201, 'Pref') }).errors).toEqual(['A client keeps at most 200 preferences: this would make 201.']);
    const row = previewClientImport(`name,sensitivities\nAcme,"${many(201, 'S')}"`, []).rows[0];
    expect(row?.errors).toEqual(['A client keeps at most 200 sensitivities: this would make 201.']);
  });
});
