import { useState } from 'react';
import type { HandoffSummary } from '../../lib/db/queries';
import { sendRequest } from '../../lib/messaging/send';
import { LogFailure } from './log-failure';
import { ToggleForm } from './toggle-form';
import { inputClass, labelClass } from '../form-styles';

type Open = 'decision' | 'call' | 'failure' | null;

/** Document at the point of creation: a decision with its why, a call with who was on it, a failure with its cost. */
export function QuickNotes({ clientId, handoffs }: { clientId: string; handoffs: HandoffSummary[] }) {
  const [open, setOpen] = useState<Open>(null);
  const [decision, setDecision] = useState({ decision: '', rationale: '' });
  const [call, setCall] = useState({ summary: '', attendees: '' });
  const close = () => setOpen(null);

  return (
    <div className="flex flex-wrap gap-2">
      {open === null || open === 'decision' ? (
        <ToggleForm
          name="Add decision"
          open={open === 'decision'}
          onOpen={() => setOpen('decision')}
          onClose={() => {
            close();
            setDecision({ decision: '', rationale: '' });
          }}
          save={() =>
            !decision.decision.trim() || !decision.rationale.trim()
              ? { problem: 'A decision needs its rationale: write both.' }
              : () => sendRequest<'note/add'>({ type: 'note/add', clientId, note: { kind: 'decision', decision: decision.decision.trim(), rationale: decision.rationale.trim() } })
          }
        >
          <label className={labelClass}>
            Decision
            <input className={inputClass} value={decision.decision} onChange={(e) => setDecision((d) => ({ ...d, decision: e.target.value }))} />
          </label>
          <label className={labelClass}>
            Rationale
            <textarea rows={2} className={inputClass} value={decision.rationale} onChange={(e) => setDecision((d) => ({ ...d, rationale: e.target.value }))} />
          </label>
        </ToggleForm>
      ) : null}
      {open === null || open === 'call' ? (
        <ToggleForm
          name="Add call summary"
          open={open === 'call'}
          onOpen={() => setOpen('call')}
          onClose={() => {
            close();
            setCall({ summary: '', attendees: '' });
          }}
          save={() =>
            !call.summary.trim()
              ? { problem: 'Write what was said and agreed.' }
              : () =>
                  sendRequest<'note/add'>({
                    type: 'note/add',
                    clientId,
                    note: { kind: 'call_summary', summary: call.summary.trim(), attendees: call.attendees.split(',').map((a) => a.trim()).filter(Boolean) },
                  })
          }
        >
          <label className={labelClass}>
            Summary
            <textarea rows={3} className={inputClass} value={call.summary} onChange={(e) => setCall((c) => ({ ...c, summary: e.target.value }))} />
          </label>
          <label className={labelClass}>
            Attendees
            <input className={inputClass} placeholder="Dana Whitfield, Sam Ortiz" value={call.attendees} onChange={(e) => setCall((c) => ({ ...c, attendees: e.target.value }))} />
          </label>
        </ToggleForm>
      ) : null}
      {open === null || open === 'failure' ? <LogFailure clientId={clientId} handoffs={handoffs} open={open === 'failure'} onOpen={() => setOpen('failure')} onClose={close} /> : null}
    </div>
  );
}
