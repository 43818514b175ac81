import { useMemo } from 'react';
import { explainIdentifiers } from '../../lib/match';
import type { TabState } from '../../lib/messaging/protocol';
import { sendRequest } from '../../lib/messaging/send';
import { SITE_LABELS } from '../../lib/sites/labels';
import { IdentifierList } from '../identifier-list';
import { useLive } from '../use-live';
import { recognisedBy } from './format';
import { PanelSection } from './panel-section';

const loadSettings = () => sendRequest<'settings/get'>({ type: 'settings/get' });

/** What the followed page is and the identifiers Baton read from it, those it ignores marked with why. */
export function PageFacts({ tab }: { tab: TabState }) {
  const { context, match } = tab;
  // The agency's own domains, as the background matched with them: colleagues never name a client.
  const settings = useLive(loadSettings, { stores: ['workspace'] });
  const ownDomains = settings.status === 'ready' ? settings.data.ownDomains : undefined;
  const identifiers = useMemo(() => explainIdentifiers(context, { ownDomains }), [context, ownDomains]);
  const what = context.thread?.subject ?? context.task?.name ?? context.account?.name ?? context.title;
  const decidedBy = match.status === 'none' ? [] : match.decidedBy;
  return (
    <PanelSection title="This page">
      <p className="text-sm text-slate-800 dark:text-slate-200">
        <span className="font-medium">{SITE_LABELS[context.site]}</span>
        {what ? <span className="text-slate-600 dark:text-slate-400"> · {what}</span> : null}
      </p>
      {decidedBy.length > 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">{recognisedBy(decidedBy)}</p>
      ) : null}
      <IdentifierList identifiers={identifiers} label="Identifiers on this page" />
    </PanelSection>
  );
}
