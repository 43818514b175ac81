import { defineContentScript } from 'wxt/utils/define-content-script';
import { reportPage } from '../../lib/content/report-page';
import { OPTIONAL_HOSTS } from '../../lib/sites/hosts';

// Runs only where the user granted the platform's optional host permission.
export default defineContentScript({
  matches: OPTIONAL_HOSTS,
  runAt: 'document_idle',
  main(ctx) {
    reportPage(ctx);
  },
});
