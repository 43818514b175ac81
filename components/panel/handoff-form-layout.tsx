import { useId, useState, type ReactNode } from 'react';
import type { Completeness } from '../../lib/model/handoff';
import type { TemplateField } from '../../lib/model/template';
import { Button } from '../button';
import { DisclosureButton } from '../disclosure-button';
import { ErrorAlert } from '../error-alert';
import { CompletenessMeter } from './completeness-meter';
import { hasContent } from './handoff-form-fields';
import { useScrollPadding } from './use-scroll-padding';

/**
 * The template's optional fields behind one button, "Optional details (n)": folded until a person opens it,
 * and open by itself while one of them holds a value (what was typed is never hidden).
 */
export function OptionalDetails({ fields, values, children }: { fields: readonly TemplateField[]; values: Record<string, unknown>; children: (field: TemplateField) => ReactNode }) {
  const [chosen, setChosen] = useState<boolean>();
  const panelId = useId();
  if (fields.length === 0) return null;
  const filled = fields.some((f) => hasContent(values[f.id]));
  const open = chosen ?? filled;
  return (
    <div className="flex flex-col gap-4">
      <DisclosureButton
        open={open}
        controls={panelId}
        onToggle={() => setChosen(!open)}
        className="flex items-center gap-2 self-start rounded-md py-1 text-sm font-medium text-slate-800 hover:underline dark:text-slate-200"
      >
        <span aria-hidden="true" className={`inline-block text-xs motion-safe:transition-transform ${open ? 'rotate-90' : ''}`}>
          ▶
        </span>
        Optional details ({fields.length})
      </DisclosureButton>
      {open ? (
        <div id={panelId} className="flex flex-col gap-5">
          {fields.map(children)}
        </div>
      ) : null}
    </div>
  );
}

/**
 * The form's last row, pinned to the bottom of the panel while the form scrolls under it: how complete the
 * handoff is, and "Send handoff" always one click away.
 */
export function SendFooter({ completeness, sending, error }: { completeness: Completeness; sending: boolean; error?: string }) {
  // The fields scroll under the footer: the one focused is kept above it.
  const padding = useScrollPadding('bottom');
  return (
    <div
      ref={padding}
      data-testid="send-footer"
      className="sticky bottom-0 z-10 -mx-4 flex flex-col gap-2 border-t border-slate-200 bg-white/95 px-4 py-2.5 backdrop-blur dark:border-slate-800 dark:bg-slate-950/95"
    >
      {/* Why a send was refused shows where the person clicked, not at the far end of the form. */}
      <ErrorAlert message={error} />
      <div className="flex items-center gap-3">
        <CompletenessMeter completeness={completeness} />
        <Button type="submit" disabled={sending} className="shrink-0">
          Send handoff
        </Button>
      </div>
    </div>
  );
}
