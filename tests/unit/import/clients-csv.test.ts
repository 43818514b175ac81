import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../lib/import/csv';
import { canImport, previewClientImport, toClientDrafts } from '../../../lib/import/clients-csv';

const preview = (text: string, existing: string[] = []) => previewClientImport(text, existing);

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const result = parseCsv('name,notes\r\n"Smith, Jones & Co","said ""yes""\r\nthen left"\r\nPlain,x\r\n');
    expect(result).toEqual({
      ok: true,
      data: [
        { line: 1, cells: ['name', 'notes'] },
        { line: 2, cells: ['Smith, Jones & Co', 'said "yes"\r\nthen left'] },
        { line: 4, cells: ['Plain', 'x'] },
      ],
    });
  });

  it('drops a byte-order mark and accepts LF, CR and a missing final line break', () => {
    expect(parseCsv('\uFEFFname\nA\rB')).toEqual({ ok: true, data: [{ line: 1, cells: ['name'] }, { line: 2, cells: ['A'] }, { line: 3, cells: ['B'] }] });
  });

  it('reports an unclosed quote with its line', () => {
    expect(parseCsv('name\n"Acme, Inc\n')).toEqual({ ok: false, problem: { code: 'bad-request', message: expect.stringContaining('Line 2') } });
  });
});

describe('previewClientImport', () => {
  it('takes the columns in any order, normalises identifiers and marks existing names as updates', () => {
    const result = preview('\uFEFFowner_email,identifiers,name\r\nJane@Agency.com,email-domain:Acme.com google-ads-customer:482-019-3375,"Acme, Inc."\r\n,,Globex\r\n', ['globex']);
    expect(result.fileErrors).toEqual([]);
    expect(result.rows).toEqual([
      { line: 2, name: 'Acme, Inc.', identifiers: 'email-domain:acme.com google-ads-customer:4820193375', ownerEmail: 'jane@agency.com', action: 'creates', errors: [] },
      { line: 3, name: 'Globex', identifiers: '', ownerEmail: '', action: 'updates', errors: [] },
    ]);
    expect(canImport(result)).toBe(true);
    expect(toClientDrafts(result)).toEqual([
      { line: 2, name: 'Acme, Inc.', identifiers: 'email-domain:acme.com google-ads-customer:4820193375', ownerEmail: 'jane@agency.com' },
      { line: 3, name: 'Globex', identifiers: '' },
    ]);
  });

  it('flags bad identifiers, a missing name, a bad owner and repeated names, row by row, and blocks the import', () => {
    const result = preview(['name,identifiers,owner_email', 'Acme,google-ads-customer:12345,', ',email-domain:globex.com,', 'Initech,,not-an-email', 'acme ,,', 'Umbrella,acme.com,'].join('\n'));
    const errorsByLine = Object.fromEntries(result.rows.map((r) => [r.line, r.errors]));
    expect(errorsByLine[2]).toEqual([expect.stringContaining('10 digits')]);
    expect(errorsByLine[3]).toEqual(['The name is missing.']);
    expect(errorsByLine[4]).toEqual([expect.stringContaining('not an email address')]);
    expect(errorsByLine[5]).toEqual([expect.stringContaining('same name as line 2')]);
    expect(errorsByLine[6]).toEqual([expect.stringContaining('kind:value')]);
    expect(canImport(result)).toBe(false);
  });

  it('skips empty lines and reports unknown columns without blocking', () => {
    const result = preview('name,industry\n\nAcme,Retail\n,\n');
    expect(result.unknownColumns).toEqual(['industry']);
    expect(result.rows.map((r) => r.name)).toEqual(['Acme']);
    expect(canImport(result)).toBe(true);
  });

  it('refuses a file without a name column, without rows, or with more values than columns', () => {
    expect(preview('client,identifiers\nAcme,\n').fileErrors).toEqual([expect.stringContaining('no “name” column')]);
    expect(preview('name\n').fileErrors).toEqual([expect.stringContaining('no clients')]);
    expect(preview('').fileErrors).toEqual([expect.stringContaining('empty')]);
    const extra = preview('name,identifiers\nSmith, Jones,\n');
    expect(extra.rows[0]?.errors).toContainEqual(expect.stringContaining('missing its quotes'));
    expect(canImport(extra)).toBe(false);
  });
});
