import type { HandoffSources } from '../../lib/model/handoff';
import { SITE_LABELS } from '../../lib/sites/labels';
import type { Site } from '../../lib/sites/types';
import { linkClass } from '../form-styles';

function siteLabel(site: string): string {
  return SITE_LABELS[site as Site] ?? site;
}

/** Links back to where the handoff started (thread, task, account), each in a new tab. */
export function SourceLinks({ sources }: { sources: HandoffSources }) {
  const links = [
    sources.gmailThread && { key: 'thread', what: 'Gmail thread', text: sources.gmailThread.subject || sources.gmailThread.id, url: sources.gmailThread.url },
    sources.asanaTask && { key: 'task', what: 'Asana task', text: sources.asanaTask.name ?? sources.asanaTask.id, url: sources.asanaTask.url },
    sources.adAccount && { key: 'account', what: siteLabel(sources.adAccount.site), text: sources.adAccount.name ?? sources.adAccount.id, url: sources.adAccount.url },
  ].filter((l) => !!l);
  if (links.length === 0) return null;
  return (
    <ul aria-label="Started from" className="flex flex-col gap-1 text-sm">
      {links.map((l) => (
        <li key={l.key} className="flex min-w-0 flex-col">
          <span className="text-xs text-slate-600 dark:text-slate-400">{l.what}</span>
          <a href={l.url} target="_blank" rel="noreferrer noopener" className={`relative truncate ${linkClass}`}>
            {l.text}
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
