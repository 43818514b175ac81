import { describe, expect, it } from 'vitest';
import { previewClientImport, toClientDrafts } from '../../../lib/import/clients-csv';
import { readTeamCell } from '../../../lib/import/team-column';
import { DEFAULT_TEAM_ROLES } from '../../../lib/model/team';

const context = { roles: DEFAULT_TEAM_ROLES, memberEmails: new Set(['jane@agency.com', 'ana@agency.com']) };

describe('the team column of the client CSV', () => {
  it('reads role_id:email pairs separated by spaces', () => {
    expect(readTeamCell('strategist:Jane@Agency.com   creative:ana@agency.com', context)).toEqual({
      pairs: [{ roleId: 'strategist', email: 'jane@agency.com' }, { roleId: 'creative', email: 'ana@agency.com' }],
      errors: [],
    });
    expect(readTeamCell('', context)).toEqual({ pairs: [], errors: [] });
  });

  it('says what is wrong with each entry: unknown role, unknown person, no pair, a role twice', () => {
    expect(readTeamCell('juggler:jane@agency.com', context).errors).toEqual(['“juggler” is not one of the workspace’s roles. Roles: account_manager, strategist, media_buyer, creative, analyst, sales.']);
    expect(readTeamCell('creative:bob@agency.com', context).errors).toEqual(['bob@agency.com is not a member of your workspace.']);
    expect(readTeamCell('creative:bob', context).errors).toEqual(['“bob” is not an email address.']);
    expect(readTeamCell('jane@agency.com', context).errors).toEqual(['“jane@agency.com” is not a team entry: write role_id:email, e.g. strategist:jane@agency.com.']);
    expect(readTeamCell('creative:jane@agency.com creative:ana@agency.com', context).errors).toEqual(['The role creative is given twice: one person per role.']);
    // Without the workspace known (the page before it loaded), only the form is checked.
    expect(readTeamCell('producer:bob@agency.com').errors).toEqual([]);
    expect(readTeamCell('<script>:x@y.z').errors).toEqual(['“<script>” is not one of the workspace’s roles.']);
    expect(readTeamCell(`creative:${'a'.repeat(30_000)}`).errors).toEqual(['The team cell is longer than 20,000 characters.']);
  });

  it('is a column of the preview: per-row errors, the team in the summary and in the import request', () => {
    const csv = 'name,owner_email,team\nAcme,,strategist:jane@agency.com creative:ana@agency.com\nBirch,,juggler:jane@agency.com\nCobalt,,\n';
    const preview = previewClientImport(csv, [], context);
    expect(preview.rows.map((r) => r.errors)).toEqual([[], [expect.stringContaining('“juggler” is not one of the workspace’s roles.')], []]);
    expect(preview.rows[0]?.facts).toBe('team: strategist, creative');
    const ok = previewClientImport('name,team\nAcme,strategist:jane@agency.com\nCobalt,\n', [], context);
    expect(toClientDrafts(ok)).toEqual([
      { line: 2, name: 'Acme', identifiers: '', team: 'strategist:jane@agency.com' },
      { line: 3, name: 'Cobalt', identifiers: '' },
    ]);
  });
});
