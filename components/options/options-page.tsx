import { AdPlatformAccess } from '../ad-platform-access';
import { AppHeader } from '../app-header';
import { ClientDirectory } from '../client-directory';
import { HubConnection } from '../hub-connection';
import { OwnDomains } from '../own-domains';
import { sendRequest } from '../../lib/messaging/send';
import { CostSection } from './cost-section';
import { DataSection } from './data-section';
import { PrivacySection } from './privacy-section';
import { RemindersSection } from './reminders-section';
import { TeamSection } from './team-section';
import { TemplatesSection } from './templates-section';
import { WorkflowSection } from './workflow-section';
import { useLive } from '../use-live';
import { YouSection } from './you-section';

/** The settings page: one page of sections, with a table of contents to jump between them. */
export function OptionsPage() {
  const me = useLive(() => sendRequest<'me/get'>({ type: 'me/get' }), { stores: ['members'] });
  const member = me.status === 'ready' ? me.data : undefined;
  const isAdmin = member?.role === 'admin';
  const sections: [id: string, title: string, content: React.ReactNode][] = [
    ['you', 'You', <YouSection key="you" />],
    ['hub', 'Team hub', <HubConnection key="hub" />],
    ['clients', 'Clients', <ClientDirectory key="clients" />],
    ['agency', 'Your agency', <OwnDomains key="agency" />],
    ['team', 'Team', <TeamSection key="team" me={member} />],
    ['templates', 'Templates', <TemplatesSection key="templates" isAdmin={isAdmin} />],
    ['workflow', 'Workflow', <WorkflowSection key="workflow" isAdmin={isAdmin} />],
    ['reminders', 'Reminders', <RemindersSection key="reminders" isAdmin={isAdmin} />],
    ['cost', 'Cost of failures', <CostSection key="cost" isAdmin={isAdmin} />],
    ['ad-platforms', 'Ad platforms', <AdPlatformAccess key="ad-platforms" />],
    ['privacy', 'Privacy', <PrivacySection key="privacy" />],
    ['data', 'Data', <DataSection key="data" />],
  ];
  return (
    <div className="min-h-screen bg-slate-50 dark:bg-slate-950">
      <AppHeader>
        <a href="/dashboard.html" className="text-sm text-brand-700 hover:underline dark:text-indigo-300">
          Dashboard: handoff health
        </a>
      </AppHeader>
      <div className="mx-auto flex max-w-6xl gap-10 px-6 py-8">
        <nav aria-label="Settings sections" className="sticky top-8 hidden w-44 shrink-0 self-start md:block">
          <ul className="flex flex-col gap-0.5 text-sm">
            {sections.map(([id, title]) => (
              <li key={id}>
                <a href={`#${id}`} className="block rounded-md px-3 py-1.5 text-slate-700 hover:bg-slate-200/60 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white">
                  {title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main className="flex min-w-0 max-w-3xl grow flex-col gap-12">
          <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
          {sections.map(([id, , content]) => (
            <div key={id} id={id} className="scroll-mt-6">
              {content}
            </div>
          ))}
        </main>
      </div>
    </div>
  );
}
