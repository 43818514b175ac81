import { handoffFileName, handoffToMarkdown } from '../../lib/export/handoff-markdown';
import type { Handoff } from '../../lib/model/handoff';
import type { Template } from '../../lib/model/template';
import { Button } from '../button';
import { useWorkspace } from './workspace';

/** Saves the handoff as a Markdown file, to paste into a client doc or keep with the project. */
export function ExportMarkdownButton({ handoff, template }: { handoff: Handoff; template: Template }) {
  const { clients, members } = useWorkspace();
  const download = () => {
    const markdown = handoffToMarkdown(handoff, { template, client: clients.find((c) => c.id === handoff.clientId), members });
    const url = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = handoffFileName(handoff);
    link.click();
    // The download has started from the object URL; it can go once the click is handled.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <Button variant="secondary" onClick={download}>
      Export Markdown
    </Button>
  );
}
