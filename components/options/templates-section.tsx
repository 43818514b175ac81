import { useState } from 'react';
import { newestVersions } from '../../lib/templates';
import type { Template } from '../../lib/model/template';
import { sendRequest } from '../../lib/messaging/send';
import { Button } from '../button';
import { linkClass } from '../form-styles';
import { Section } from '../section';
import { ErrorAlert } from '../error-alert';
import { StatusMessage } from './alerts';
import { TemplateDetails } from './template-details';
import { TemplateEditor } from './template-editor';
import { liveError, useLive } from '../use-live';

type Editing = { template?: Template } | undefined;

/** The template's review on the dashboard (which fields receivers ask about), one click from its card. */
function ReviewLink({ template }: { template: Template }) {
  return (
    <a
      href={`/dashboard.html#review/${encodeURIComponent(template.id)}`}
      aria-label={`Review template: ${template.name}`}
      className={`self-end text-sm ${linkClass}`}
    >
      Review template
    </a>
  );
}

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
              <li key={`${t.id}@${t.version}`} className="flex flex-col gap-1">
                <TemplateDetails template={t} canEdit={isAdmin} onEdit={() => setEditing({ template: t })} />
                <ReviewLink template={t} />
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
