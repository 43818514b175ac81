import { describe, expect, it } from 'vitest';
import { previewClientImport } from '../../../lib/import/clients-csv';
import { clientNameKey } from '../../../lib/model/client';
import { ADA, JANE, workspace } from './builders';

// "Café" typed precomposed (U+00E9) and as "Cafe" + a combining acute (U+0301) look the same on screen.
const PRECOMPOSED = 'Café Lumière';
const DECOMPOSED = 'Cafe\u0301 Lumie\u0300re';

describe('look-alike client names', () => {
  it('are one name to the duplicate check, however the accent was typed', () => {
    expect(PRECOMPOSED).not.toBe(DECOMPOSED);
    expect(clientNameKey(DECOMPOSED)).toBe(clientNameKey(PRECOMPOSED));
    // An import names an existing client with the other spelling: it updates that client.
    expect(previewClientImport(`name\n${DECOMPOSED}\n`, [PRECOMPOSED]).rows[0]?.action).toBe('updates');
  });

  it('a second client under a look-alike name is refused, and the first keeps one spelling', () => {
    const s = workspace();
    s.must('client.created', JANE.id, 'cafe-1', { name: DECOMPOSED });
    expect(s.model.client('cafe-1')?.name).toBe(PRECOMPOSED);
    const twin = s.try('client.created', ADA.id, 'cafe-2', { name: PRECOMPOSED });
    expect(twin.ok).toBe(false);
    if (twin.ok) return;
    expect(twin.problem.message).toBe(`A client named “${PRECOMPOSED}” already exists.`);
    expect(s.model.client('cafe-2')).toBeUndefined();
  });
});
