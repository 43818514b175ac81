import { defineContentScript } from 'wxt/utils/define-content-script';
import { reportPage } from '../../lib/content/report-page';

// Not in the manifest (that would grant every ad host at install): the background registers it at run
// time for the platforms the user granted (lib/background/ad-content-scripts.ts). No `matches` here,
// because WXT adds a runtime script's `matches` to the required host permissions.
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  main(ctx) {
    reportPage(ctx);
  },
});
