import type { TabState } from '../../lib/messaging/protocol';
import { SITE_LABELS } from '../../lib/sites/labels';
import { IdentifierList } from '../identifier-list';
import { recognisedBy } from './format';
import { PanelSection } from './panel-section';

/** What the followed page is and the identifiers Baton read from it. */
export function PageFacts({ tab }: { tab: TabState }) {
  const { context, match } = tab;
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
      <IdentifierList identifiers={context.identifiers} label="Identifiers on this page" />
    </PanelSection>
  );
}
