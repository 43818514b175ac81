import { useState } from 'react';
import { newestVersions } from '../../lib/templates';
import type { Template } from '../../lib/model/template';
import { sendRequest } from '../../lib/messaging/send';
import { Button } from '../button';
import { Section } from '../section';
import { ErrorAlert } from '../error-alert';
import { StatusMessage } from './alerts';
import { TemplateDetails } from './template-details';
import { TemplateEditor } from './template-editor';
import { liveError, useLive } from '../use-live';

type Editing = { template?: Template } | undefined;

/** The built-in templates and the agency's own; admins add and improve them. */
export function TemplatesSection({ isAdmin }: { isAdmin: boolean }) {
  const templates = useLive(() => sendRequest<'templates/list'>({ type: 'templates/list' }), { stores: ['templates'] });
  const [editing, setEditing] = useState<Editing>();
  const [status, setStatus] = useState<string | undefined>();
  const list = templates.status === 'ready' ? newestVersions(templates.data) : [];

  const done = (saved?: Template) => {
    setEditing(undefined);
    if (saved) setStatus(`Saved ${saved.name}, version ${saved.version}.`);
    templates.reload();
  };

  return (
    <Section title="Templates" description="Each kind of handoff asks for the minimum a receiver needs. Improve them from what goes wrong.">
      <ErrorAlert message={liveError(templates)} />
      <StatusMessage message={status} />
      {editing ? (
        <TemplateEditor template={editing.template} templates={list} onDone={done} />
      ) : (
        <>
          <ul className="flex flex-col gap-2" aria-label="Templates">
            {list.map((t) => (
              <li key={`${t.id}@${t.version}`}>
                <TemplateDetails template={t} canEdit={isAdmin} onEdit={() => setEditing({ template: t })} />
              </li>
            ))}
          </ul>
          {isAdmin ? (
            <div>
              <Button
                onClick={() => {
                  setStatus(undefined);
                  setEditing({});
                }}
              >
                New template
              </Button>
            </div>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">Only an admin can create or edit templates.</p>
          )}
        </>
      )}
    </Section>
  );
}
