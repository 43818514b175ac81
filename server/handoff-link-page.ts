import { hubPage } from './hub-page';

/**
 * Where a handoff's link in Slack or Asana (`<hub>/h/<id>`) lands in a browser. Anyone with the link
 * may open it, so it shows nothing of the workspace — not even whether the handoff exists — only how to
 * open it in Baton: an extension's own pages cannot be linked to from outside the browser's extension.
 */
export function handoffLinkPage(): string {
  return hubPage(
    'Open this handoff in Baton',
    `<p>This handoff lives in Baton, your agency's browser extension for handoffs, and only people on your team can see it there.</p>
<ol>
<li>Click the <strong>Baton icon</strong> in your browser's toolbar (pin it from the puzzle-piece menu if you do not see it).</li>
<li>Baton's <strong>side panel</strong> opens: the handoff is in your open handoffs, or search for it there by its title or client.</li>
</ol>
<p>No Baton yet? Ask whoever runs Baton at your agency for an invite link.</p>`,
  );
}
