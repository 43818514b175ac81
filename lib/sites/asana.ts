import { cleanText, digits, identifiers, onHost } from './url-parts';
import type { PageContext, SiteReader } from './types';

interface AsanaIds {
  workspace?: string;
  project?: string;
  task?: string;
}

/** Both URL generations: `/0/<project>/<task>[/f]` and `/1/<workspace>/project/<p>/task/<t>`. */
function readIds(pathname: string): AsanaIds {
  const segs = pathname.split('/').filter(Boolean);
  if (segs[0] === '0') {
    // `/0/inbox/…`, `/0/home/…` and friends name no project: digits() rejects the word, and `0`.
    const project = digits(segs[1]);
    const task = digits(segs[1]) !== undefined || segs[1] === '0' ? digits(segs[2]) : undefined;
    return { project, task };
  }
  if (segs[0] === '1') {
    const ids: AsanaIds = { workspace: digits(segs[1]) };
    for (let i = 2; i < segs.length - 1; i++) {
      if (segs[i] === 'project') ids.project ??= digits(segs[i + 1]);
      if (segs[i] === 'task') ids.task ??= digits(segs[i + 1]);
    }
    return ids;
  }
  return {};
}

function readTaskName(doc: Document): string | undefined {
  const field = doc.querySelector<HTMLTextAreaElement | HTMLElement>('[aria-label="Task Name"], [aria-label="Task name"]');
  if (field) {
    const value = 'value' in field && typeof field.value === 'string' ? field.value : field.textContent;
    return cleanText(value, 300);
  }
  // "<task> - <project> - Asana": the task is everything before the project.
  const parts = doc.title.replace(/^[●•]\s*/, '').split(' - ');
  return parts.length >= 3 && parts.at(-1)?.trim() === 'Asana' ? cleanText(parts.slice(0, -2).join(' - '), 300) : undefined;
}

export const asana: SiteReader = {
  site: 'asana',
  // The task pane, with the task's name, opens inside the main area.
  watch: '[role="main"]',
  detect: (url) => onHost(url, ['app.asana.com']),
  extract(url, doc) {
    const ids = readIds(url.pathname);
    const ctx: PageContext = {
      site: 'asana',
      url: url.href,
      identifiers: identifiers(
        ['asana-workspace', ids.workspace],
        ['asana-project', ids.project],
        ['asana-task', ids.task],
      ),
    };
    if (ids.task) {
      ctx.task = { id: ids.task };
      const name = doc ? readTaskName(doc) : undefined;
      if (name) ctx.task.name = name;
      if (ids.project) ctx.task.projectId = ids.project;
      if (ids.workspace) ctx.task.workspaceId = ids.workspace;
    }
    return ctx;
  },
};
