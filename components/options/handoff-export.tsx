import { useState } from 'react';
import { replay } from '../../lib/events/memory-model';
import { handoffFileName, handoffToMarkdown } from '../../lib/export/handoff-markdown';
import type { Result } from '../../lib/messaging/protocol';
import { sendRequest } from '../../lib/messaging/send';
import type { MemoryModel } from '../../lib/events/memory-model';
import { Button } from '../button';
import { inputClass, labelClass } from '../form-styles';
import { ErrorAlert } from '../error-alert';
import { StatusMessage } from './alerts';
import { Card } from './card';
import { downloadFile } from '../download';
import { liveError, useLive } from '../use-live';

const STATE_WORDS: Record<string, string> = { draft: 'draft', sent: 'sent', gaps_raised: 'gaps raised', gaps_answered: 'gaps answered', confirmed: 'confirmed', cancelled: 'cancelled', reassigned: 'reassigned' };

/**
 * Every handoff, with its template, client and people, read from the backup the background exports:
 * the log replayed by the shared reducer is the one complete picture, including closed handoffs.
 */
async function loadWorkspace(): Promise<Result<MemoryModel>> {
  const reply = await sendRequest<'data/export'>({ type: 'data/export' });
  return reply.ok ? { ok: true, data: replay(reply.data.events, 'accepted').model } : reply;
}

/** Downloads one handoff as a Markdown document, for a client file or a wiki. */
export function HandoffExport() {
  const workspace = useLive(loadWorkspace, { stores: ['handoffs', 'clients', 'members', 'templates'] });
  const [chosen, setChosen] = useState('');
  const [status, setStatus] = useState<string | undefined>();
  const model = workspace.status === 'ready' ? workspace.data : undefined;
  const handoffs = model ? [...model.handoffs.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)) : [];

  const exportChosen = () => {
    const handoff = model?.handoff(chosen);
    if (!model || !handoff) return;
    const template = model.template(handoff.templateId, handoff.templateVersion);
    const client = model.client(handoff.clientId);
    const markdown = handoffToMarkdown(handoff, { members: model.members(), ...(template ? { template } : {}), ...(client ? { client } : {}) });
    const name = handoffFileName(handoff);
    downloadFile(name, markdown, 'text/markdown;charset=utf-8');
    setStatus(`Downloaded ${name}.`);
  };

  return (
    <Card title="Export a handoff as Markdown" description="Every field, the gaps and their answers, dates and sources, as a document for the client file or your wiki.">
      <ErrorAlert message={liveError(workspace)} />
      {handoffs.length === 0 && model ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No handoffs yet.</p>
      ) : (
        <div className="flex flex-wrap items-end gap-3">
          <label className={`${labelClass} min-w-64 grow`}>
            Handoff to export
            <select className={inputClass} value={chosen} onChange={(e) => setChosen(e.target.value)}>
              <option value="">Choose a handoff…</option>
              {handoffs.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.title} — {model?.client(h.clientId)?.name ?? 'unknown client'} ({STATE_WORDS[h.state] ?? h.state})
                </option>
              ))}
            </select>
          </label>
          <Button onClick={exportChosen} disabled={!chosen}>
            Export handoff as Markdown
          </Button>
        </div>
      )}
      <StatusMessage message={status} />
    </Card>
  );
}
