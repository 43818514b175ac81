import { addClients, expect, identifierOf, openSidePanel, openSite, readExpected, test } from './support/test.ts';

test('an Asana task in a client project shows that client', async ({ baton }) => {
  const project = identifierOf(readExpected('asana-task'), 'asana-project');
  await addClients(baton, [['Harbor & Pine', `asana-project:${project}`]]);
  await openSite(baton, 'asana-task');

  const panel = await openSidePanel(baton);
  await expect(panel.getByRole('heading', { level: 1, name: 'Harbor & Pine' })).toBeVisible();
  await expect(panel.getByText('Matched').first()).toBeVisible();
});
