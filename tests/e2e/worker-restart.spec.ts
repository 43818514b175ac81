import { addClients, expect, openSidePanel, openSite, test } from './support/test.ts';

// MV3 stops an idle service worker after ~30 s. Nothing Baton knows may live only in its memory.
test('the side panel still knows the page after the service worker was stopped', async ({ baton }) => {
  await addClients(baton, [['Northwind Outfitters', 'email-domain:northwindoutfitters.com']]);
  const { page } = await openSite(baton, 'gmail-thread');
  const panel = await openSidePanel(baton);
  await expect(panel.getByRole('heading', { level: 1, name: 'Northwind Outfitters' })).toBeVisible();

  // Stop the worker the way Chrome does when it idles (DevTools' "Stop" does the same).
  const cdp = await baton.context.newCDPSession(panel);
  const workerRunning = async () => {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${baton.extensionId}/`));
  };
  expect(await workerRunning()).toBe(true);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(workerRunning).toBe(false);
  await cdp.detach();

  // A fresh panel wakes the worker, which answers from storage.session and rebuilds its matcher.
  await panel.reload();
  await expect(panel.getByRole('heading', { level: 1, name: 'Northwind Outfitters' })).toBeVisible();

  // The content script, still running in the Gmail tab, reaches the new worker on the next change:
  // Gmail moves to another conversation, not loaded yet, that belongs to no client.
  await page.evaluate(() => {
    location.hash = '#inbox/0123456789abcdef';
  });
  await expect(panel.getByRole('heading', { name: 'No client for this page' })).toBeVisible();
});
