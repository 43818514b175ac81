import { useMemo, useState } from 'react';
import { templateReview, type MetricFacts, type MetricsQuery } from '../../lib/metrics';
import { sendRequest } from '../../lib/messaging/send';
import type { Template } from '../../lib/model/template';
import { newestVersions } from '../../lib/templates';
import { Button } from '../button';
import { ErrorAlert } from '../error-alert';
import { formatDateTime } from '../panel/format';
import { StatusMessage } from '../options/alerts';
import { TemplateEditor } from '../options/template-editor';
import { liveError, useLive } from '../use-live';
import { tableClass } from './chart-figure';
import { formatPercent } from './format';

/**
 * One template under review: which of its fields receivers raised gaps about in the period, what they
 * asked, which went out missing, and (for an admin) the editor to save a better version from here.
 */
export function ReviewPage({ facts, version, query, templateId }: { facts: MetricFacts; version: number; query: MetricsQuery; templateId: string }) {
  // `version` stands for the facts' contents, which grow in place.
  const review = useMemo(() => templateReview(facts, templateId, query), [facts, version, templateId, query]);
  const me = useLive(() => sendRequest<'me/get'>({ type: 'me/get' }), { stores: ['members'] });
  const templates = useLive(() => sendRequest<'templates/list'>({ type: 'templates/list' }), { stores: ['templates'] });
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<string>();
  const isAdmin = me.status === 'ready' && me.data.role === 'admin';

  if (!review) return <ErrorAlert message={`There is no template “${templateId}”. Pick one from the dashboard’s “First-pass rate by template”.`} />;
  const { template } = review;
  const asked = review.fields.filter((f) => f.gaps > 0 || f.missingAtSend > 0);
  const done = (saved?: Template) => {
    setEditing(false);
    if (saved) setStatus(`Saved ${saved.name}, version ${saved.version}. New handoffs use it; the ones under way keep their version.`);
  };

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="review-title" className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 shadow-xs dark:border-slate-800 dark:bg-slate-900">
        <h2 id="review-title" className="text-lg font-semibold">
          {template.name} <span className="text-sm font-normal text-slate-600 dark:text-slate-400">version {template.version}</span>
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{template.description}</p>
        <p className="text-sm">
          In the period: {review.sent} sent, {review.confirmed} confirmed, {formatPercent(review.firstPassRate)} confirmed on the first pass, {review.gaps} {review.gaps === 1 ? 'gap' : 'gaps'} raised
          {review.versions.length > 1 ? ` (across versions ${review.versions.join(', ')})` : ''}.
        </p>
      </section>

      <section aria-labelledby="asked-title" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs dark:border-slate-800 dark:bg-slate-900">
        <h2 id="asked-title" className="text-base font-semibold">
          What receivers ask about
        </h2>
        {asked.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No gap was raised and nothing went out missing on this template in the period.</p>
        ) : (
          <table className={tableClass}>
            <caption className="sr-only">Fields receivers ask about</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col" className="text-right">
                  Gaps raised
                </th>
                <th scope="col" className="text-right">
                  Sent missing
                </th>
                <th scope="col">What receivers asked</th>
              </tr>
            </thead>
            <tbody>
              {asked.map((f) => (
                <tr key={f.fieldId} className="align-top">
                  <td>
                    {f.label}
                    {f.required ? '' : ' (optional)'}
                    {f.current ? '' : ' — no longer in the template'}
                  </td>
                  <td className="text-right tabular-nums">{f.gaps}</td>
                  <td className="text-right tabular-nums">{f.missingAtSend}</td>
                  <td>
                    {f.questions.length ? (
                      <ul className="flex flex-col gap-1">
                        {f.questions.slice(0, 5).map((q, i) => (
                          <li key={i}>
                            “{q.question}” <span className="text-xs text-slate-600 dark:text-slate-400">— {q.clientName}, {formatDateTime(q.at)}</span>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="improve-title" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs dark:border-slate-800 dark:bg-slate-900">
        <h2 id="improve-title" className="text-base font-semibold">
          Improve the template
        </h2>
        <StatusMessage message={status} />
        <ErrorAlert message={liveError(templates)} />
        {!isAdmin ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">Only an admin can change templates. Share this page with one: the fields above are where receivers need more.</p>
        ) : editing && templates.status === 'ready' ? (
          <TemplateEditor template={template} templates={newestVersions(templates.data)} onDone={done} />
        ) : (
          <div>
            <Button
              onClick={() => {
                setStatus(undefined);
                setEditing(true);
              }}
              disabled={templates.status !== 'ready'}
            >
              Edit {template.name}
            </Button>
          </div>
        )}
      </section>
    </div>
  );
}
