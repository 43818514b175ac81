import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createMatcherCache } from '../../lib/background/matcher';
import { createRouter } from '../../lib/background/router';
import { enableSidePanel, watchTabs } from '../../lib/background/tab-lifecycle';

export default defineBackground(() => {
  const router = createRouter({
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    matcher: createMatcherCache(),
  });
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void router.handle(message, sender).then(sendResponse);
    return true;
  });
  watchTabs();
  void enableSidePanel();
});
