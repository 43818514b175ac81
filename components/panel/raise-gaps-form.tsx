import { useState } from 'react';
import { sendRequest } from '../../lib/messaging/send';
import type { Handoff } from '../../lib/model/handoff';
import type { Template } from '../../lib/model/template';
import { Button } from '../button';
import { InlineForm } from './inline-form';
import { inputClass, labelClass } from '../form-styles';
import { useAction } from './use-action';

interface GapDraft {
  fieldIds: string[];
  question: string;
}
const emptyGap = (): GapDraft => ({ fieldIds: [], question: '' });

/** The receiver names what is missing: each question tied to the fields it is about; several at once. */
export function RaiseGapsForm({ handoff, template, onDone }: { handoff: Handoff; template: Template; onDone: () => void }) {
  const [gaps, setGaps] = useState<GapDraft[]>([emptyGap()]);
  const { run, busy, error, setError } = useAction();
  const patch = (i: number, p: Partial<GapDraft>) => setGaps((all) => all.map((g, j) => (j === i ? { ...g, ...p } : g)));

  const submit = async () => {
    const ready = gaps.filter((g) => g.question.trim() || g.fieldIds.length);
    if (ready.length === 0 || ready.some((g) => !g.question.trim() || g.fieldIds.length === 0)) {
      return setError('Each gap needs at least one field and a question.');
    }
    const done = await run(() => sendRequest<'handoff/raise-gaps'>({ type: 'handoff/raise-gaps', id: handoff.id, gaps: ready.map((g) => ({ fieldIds: g.fieldIds, question: g.question.trim() })) }));
    if (done) onDone();
  };

  return (
    <InlineForm
      label="Raise gaps"
      onSubmit={submit}
      error={error}
      actions={
        <>
          <Button type="submit" disabled={busy}>
            Raise gaps
          </Button>
          <Button variant="secondary" onClick={() => setGaps((all) => [...all, emptyGap()])}>
            Add another question
          </Button>
          <Button variant="secondary" onClick={onDone}>
            Close
          </Button>
        </>
      }
    >
      {gaps.map((gap, i) => (
        <div key={i} role="group" aria-label={`Gap ${i + 1}`} className="flex flex-col gap-2 rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <fieldset className="flex flex-col gap-1">
            <legend className="mb-1 text-sm font-medium text-slate-800 dark:text-slate-200">{gaps.length > 1 ? `Gap ${i + 1}: which fields?` : 'Which fields?'}</legend>
            {template.fields.map((f) => (
              <label key={f.id} className="flex items-center gap-2 text-sm text-slate-800 dark:text-slate-200">
                <input
                  type="checkbox"
                  className="size-4 accent-brand-600"
                  checked={gap.fieldIds.includes(f.id)}
                  onChange={(e) => patch(i, { fieldIds: e.target.checked ? [...gap.fieldIds, f.id] : gap.fieldIds.filter((id) => id !== f.id) })}
                />
                {f.label}
              </label>
            ))}
          </fieldset>
          <label className={labelClass}>
            Question
            <textarea rows={2} className={inputClass} value={gap.question} onChange={(e) => patch(i, { question: e.target.value })} />
          </label>
        </div>
      ))}
    </InlineForm>
  );
}
