import { useState } from 'react';
import { sendRequest } from '../../lib/messaging/send';
import { isOpenGap, type Handoff } from '../../lib/model/handoff';
import type { Template } from '../../lib/model/template';
import { Button } from '../button';
import { InlineForm } from './inline-form';
import { inputClass, labelClass } from '../form-styles';
import { useAction } from './use-action';

/** The sender answers each open gap; answering some now and the rest later is fine. */
export function AnswerGapsForm({ handoff, template, onDone }: { handoff: Handoff; template: Template; onDone: () => void }) {
  const open = handoff.gaps.filter(isOpenGap);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const { run, busy, error, setError } = useAction();
  const labels = (ids: string[]) => ids.map((id) => template.fields.find((f) => f.id === id)?.label ?? id).join(', ');

  const submit = async () => {
    const given = open.flatMap((g) => (answers[g.id]?.trim() ? [{ gapId: g.id, answer: answers[g.id]!.trim() }] : []));
    if (given.length === 0) return setError('Write at least one answer.');
    const done = await run(() => sendRequest<'handoff/answer-gaps'>({ type: 'handoff/answer-gaps', id: handoff.id, answers: given }));
    if (done) onDone();
  };

  return (
    <InlineForm
      label="Answer gaps"
      onSubmit={submit}
      error={error}
      actions={
        <>
          <Button type="submit" disabled={busy}>
            Answer gaps
          </Button>
          <Button variant="secondary" onClick={onDone}>
            Close
          </Button>
        </>
      }
    >
      {open.map((gap) => (
        <label key={gap.id} className={labelClass}>
          <span>
            <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">{labels(gap.fieldIds)}</span>
            Answer: {gap.question}
          </span>
          <textarea rows={3} className={inputClass} value={answers[gap.id] ?? ''} onChange={(e) => setAnswers((a) => ({ ...a, [gap.id]: e.target.value }))} />
        </label>
      ))}
    </InlineForm>
  );
}
