import { defineContentScript } from 'wxt/utils/define-content-script';
import { reportPage } from '../../lib/content/report-page';

export default defineContentScript({
  matches: ['https://app.asana.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    reportPage(ctx.signal);
  },
});
