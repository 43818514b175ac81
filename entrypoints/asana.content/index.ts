import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPrompts } from '../../lib/content/prompts';
import { reportPage } from '../../lib/content/report-page';

export default defineContentScript({
  matches: ['https://app.asana.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const prompts = startPrompts(ctx.signal);
    reportPage(ctx, () => prompts.onNavigate());
  },
});
