import { defineContentScript } from 'wxt/utils/define-content-script';
import { createCaptureButton } from '../../lib/content/capture-button';
import { startPrompts } from '../../lib/content/prompts';
import { reportPage } from '../../lib/content/report-page';
import { sendRequest } from '../../lib/messaging/send';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const capture = createCaptureButton({ doc: document, signal: ctx.signal, capture: (selectedText) => sendRequest({ type: 'capture/start', selectedText }) });
    const prompts = startPrompts(ctx.signal);
    reportPage(ctx, (context) => {
      capture.place(context);
      prompts.onNavigate();
    });
  },
});
