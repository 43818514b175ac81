import { useId, useState } from 'react';
import type { HandoffSummary } from '../../lib/db/queries';
import { sendRequest } from '../../lib/messaging/send';
import { EMPTY_FAILURE_DRAFT, failureRequest, type FailureDraft } from './failure-draft';
import { STATE_LABELS } from './format';
import { FAILURE_CATEGORY_OPTIONS, handoffLabel, type FailureCategory } from './timeline';
import { helpClass, inputClass, labelClass, twoColumnsClass } from '../form-styles';
import { ToggleForm } from './toggle-form';
import { useWorkspace } from './workspace';

/**
 * "Log failure": something broke after a handoff, and what it took to repair (the manager's view counts
 * these). On a client, the failure may name one of the client's sent handoffs; on a handoff, it is that
 * handoff's. Open and closed by the caller, so it can take turns with other quick forms.
 */
export function LogFailure({
  clientId,
  handoffId,
  handoffs,
  open,
  onOpen,
  onClose,
}: {
  clientId: string;
  /** Logged from a handoff: linked to it, no choice offered. */
  handoffId?: string;
  /** Logged from the client: the handoffs it may be linked to. */
  handoffs?: HandoffSummary[];
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
}) {
  const { templates } = useWorkspace();
  const [draft, setDraft] = useState<FailureDraft>(handoffId ? { ...EMPTY_FAILURE_DRAFT, handoffId } : EMPTY_FAILURE_DRAFT);
  const hintId = useId();
  const set = (patch: Partial<FailureDraft>) => setDraft((d) => ({ ...d, ...patch }));
  // Only a handoff that went out can be the one a failure followed (the background refuses drafts).
  const linkable = (handoffs ?? []).filter((h) => h.sentAt !== undefined);

  return (
    <ToggleForm
      name="Log failure"
      open={open}
      onOpen={onOpen}
      onClose={() => {
        onClose();
        setDraft(handoffId ? { ...EMPTY_FAILURE_DRAFT, handoffId } : EMPTY_FAILURE_DRAFT);
      }}
      save={() => {
        const request = failureRequest(handoffId ? { ...draft, handoffId } : draft, clientId);
        return 'problem' in request ? request : () => sendRequest<'failure/log'>(request);
      }}
    >
      {handoffId ? (
        <p id={hintId} className={helpClass}>
          Logged against this handoff, in the client’s history.
        </p>
      ) : null}
      <div className={twoColumnsClass}>
        <label className={labelClass}>
          Category
          <select
            className={inputClass}
            aria-required="true"
            aria-describedby={handoffId ? hintId : undefined}
            value={draft.category}
            onChange={(e) => set({ category: e.target.value as FailureCategory | '' })}
          >
            <option value="">Choose…</option>
            {FAILURE_CATEGORY_OPTIONS.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label className={labelClass}>
          Hours to repair
          <input
            type="number"
            inputMode="decimal"
            min={0}
            max={10_000}
            step={0.25}
            className={inputClass}
            aria-required="true"
            value={draft.hours}
            onChange={(e) => set({ hours: e.target.value })}
          />
        </label>
      </div>
      <label className={labelClass}>
        What happened
        <textarea rows={3} className={inputClass} aria-required="true" value={draft.description} onChange={(e) => set({ description: e.target.value })} />
      </label>
      {handoffs ? (
        <label className={labelClass}>
          Linked handoff
          <select className={inputClass} value={draft.handoffId} onChange={(e) => set({ handoffId: e.target.value })}>
            <option value="">None</option>
            {linkable.map((h) => (
              <option key={h.id} value={h.id}>
                {handoffLabel(h, templates)} ({STATE_LABELS[h.state]})
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </ToggleForm>
  );
}
