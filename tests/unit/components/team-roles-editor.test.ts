// @vitest-environment happy-dom
// Settings → Workflow → "Team roles": rename, add (id derived from the name), remove (asking first when
// clients hold the role), save as the workspace's roles; non-admins read. No JSX here: unit tests are .ts files.
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { recordingRootPerTest } from './recording-root';
import { roleIdFromName, TeamRolesEditor } from '../../../components/options/team-roles-editor';
import { DEFAULT_TEAM_ROLES, TeamRolesSchema } from '../../../lib/model/team';

type Message = { type: string; roles?: { id: string; name: string }[] };
const { view, sent } = recordingRootPerTest((message: Message) => {
  // As lib/background/teams.ts answers: "producer" was removed, but a client's team still holds it.
  if (message.type === 'team/roles') return { ok: true, data: { roles: DEFAULT_TEAM_ROLES, held: { media_buyer: 3, creative: 1, producer: 1 }, ruledBy: { creative: ['Creative brief when ready'], strategist: ['Brief <b>', 'Chain'] }, taken: ['creative', 'media_buyer', 'producer', 'strategist'], isAdmin: true } };
  if (message.type === 'workspace/set-roles') return { ok: true, data: { roles: message.roles, held: {}, ruledBy: {}, taken: [], isAdmin: true } };
  return { ok: false, problem: { code: 'bad-request', message: 'unexpected' } };
});

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
const render = async (isAdmin: boolean) => {
  await act(async () => view.root.render(createElement(TeamRolesEditor, { isAdmin })));
  await settle();
};
const region = () => {
  const section = view.host.querySelector('section')!;
  expect(document.getElementById(section.getAttribute('aria-labelledby')!)?.textContent).toBe('Team roles');
  return section;
};
const button = (name: string) => [...view.host.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name);
const names = () => [...view.host.querySelectorAll<HTMLInputElement>('ul[aria-label="Roles"] input')].map((i) => i.value);
const setValue = (input: HTMLInputElement, text: string) =>
  act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
const newRole = () => [...view.host.querySelectorAll('label')].find((l) => l.firstChild?.textContent === 'New role')!.querySelector('input')!;
const click = (name: string) => act(async () => button(name)!.click());

describe('team roles in settings', () => {
  it('derives unique snake_case ids from names', () => {
    expect(roleIdFromName('Media buyer', new Set())).toBe('media_buyer');
    expect(roleIdFromName('Media buyer', new Set(['media_buyer']))).toBe('media_buyer_2');
    expect(roleIdFromName('Créa-tive  Lead!', new Set())).toBe('crea_tive_lead');
    expect(roleIdFromName('<script>', new Set())).toBe('script');
    expect(roleIdFromName('🙂', new Set())).toBe('field');
    for (const name of ['2nd line support', 'x'.repeat(80), '   ', 'Ünïcödé ' + 'é'.repeat(60)]) {
      const id = roleIdFromName(name, new Set());
      expect(TeamRolesSchema.safeParse([{ id, name: 'n' }]).success, id).toBe(true);
    }
  });

  it('renames, adds and removes roles and saves the list as the workspace’s', async () => {
    await render(true);
    region();
    expect(names()).toEqual(DEFAULT_TEAM_ROLES.map((r) => r.name));
    await setValue(view.host.querySelector<HTMLInputElement>('input[aria-label="Role name: Analyst"]')!, 'Data analyst');
    await setValue(newRole(), '  Media buyer ');
    await click('Add role');
    await setValue(newRole(), '<img src=x onerror=alert(1)>');
    await click('Add role');
    // Sales is held by nobody: removed at once, and the keyboard goes on to "Add role".
    await click('Remove Sales');
    expect(document.activeElement).toBe(button('Add role'));
    expect(names()).toEqual(['Account manager', 'Strategist', 'Media buyer', 'Creative', 'Data analyst', 'Media buyer', '<img src=x onerror=alert(1)>']);
    expect(view.host.querySelector('img')).toBeNull();
    await click('Save roles');
    await settle();
    const saved = sent.find((m) => m.type === 'workspace/set-roles')!;
    expect(saved.roles).toEqual([
      { id: 'account_manager', name: 'Account manager' },
      { id: 'strategist', name: 'Strategist' },
      { id: 'media_buyer', name: 'Media buyer' },
      { id: 'creative', name: 'Creative' },
      { id: 'analyst', name: 'Data analyst' },
      { id: 'media_buyer_2', name: 'Media buyer' },
      { id: 'img_src_x_onerror_alert_1', name: '<img src=x onerror=alert(1)>' },
    ]);
    expect(view.host.querySelector('[role="status"]')?.textContent).toBe('Saved.');
  });

  it('asks before removing a role some clients hold, and says how many', async () => {
    await render(true);
    await click('Remove Media buyer');
    expect(names()).toContain('Media buyer');
    const group = view.host.querySelector('[role="group"]')!;
    expect(group.textContent).toContain('3 clients have someone as Media buyer. Remove the role anyway?');
    await click('Keep it');
    expect(view.host.querySelector('[role="group"]')).toBeNull();
    await click('Remove Creative');
    expect(view.host.querySelector('[role="group"]')!.textContent).toContain('1 client has someone as Creative.');
    expect(view.host.querySelector('[role="group"]')!.textContent).toContain('The rule “Creative brief when ready” names Creative: it starts nothing for that role until it is changed.');
    await click('Remove role');
    expect(names()).not.toContain('Creative');
    expect(document.activeElement).toBe(button('Add role'));
  });

  it('asks before removing a role only rules name, naming them', async () => {
    await render(true);
    expect(region().textContent).toContain('Named by the rules “Brief <b>”, “Chain”.');
    await click('Remove Strategist');
    expect(view.host.querySelector('[role="group"]')!.textContent).toBe('The rules “Brief <b>”, “Chain” name Strategist: they start nothing for that role until they are changed. Remove the role anyway?Remove roleKeep it');
  });

  it('does not give a new role the id of a removed one a client’s team or a rule still names', async () => {
    await render(true);
    await click('Remove Creative');
    await click('Remove role');
    for (const name of ['Producer', 'Creative']) {
      await setValue(newRole(), name);
      await click('Add role');
    }
    await click('Save roles');
    await settle();
    const saved = sent.find((m) => m.type === 'workspace/set-roles')!;
    expect(saved.roles!.slice(-2)).toEqual([{ id: 'producer_2', name: 'Producer' }, { id: 'creative_2', name: 'Creative' }]);
  });

  it('refuses an empty name, saying why, and sends nothing', async () => {
    await render(true);
    await setValue(view.host.querySelector<HTMLInputElement>('input[aria-label="Role name: Sales"]')!, '   ');
    await click('Save roles');
    expect(view.host.querySelector('[role="alert"]')?.textContent).toContain('A role needs a name.');
    await click('Add role');
    expect(view.host.querySelector('[role="alert"]')?.textContent).toContain('Name the role to add.');
    expect(sent.filter((m) => m.type === 'workspace/set-roles')).toEqual([]);
  });

  it('non-admins read the roles and cannot change them', async () => {
    await render(false);
    region();
    expect([...view.host.querySelectorAll('ul[aria-label="Roles"] li')].map((li) => li.textContent)).toEqual(DEFAULT_TEAM_ROLES.map((r) => r.name));
    expect(view.host.querySelector('input, button')).toBeNull();
    expect(view.host.textContent).toContain('Only an admin can change the team roles.');
  });
});
