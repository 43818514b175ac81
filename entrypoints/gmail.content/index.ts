import { defineContentScript } from 'wxt/utils/define-content-script';
import { reportPage } from '../../lib/content/report-page';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    reportPage(ctx.signal);
  },
});
