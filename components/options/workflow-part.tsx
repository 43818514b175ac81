import { useId, type Ref } from 'react';

/**
 * One part of Settings → Workflow ("Rules", "Asana", "Slack", "Team roles"): a region named by its
 * heading. `headingRef` lets the part move the keyboard to its heading when what had it is removed.
 */
export function WorkflowPart({ title, description, headingRef, children }: { title: string; description?: string; headingRef?: Ref<HTMLHeadingElement>; children: React.ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900/40">
      <div>
        <h3 id={id} ref={headingRef} tabIndex={-1} className="text-base font-semibold text-slate-900 focus:outline-none dark:text-slate-100">
          {title}
        </h3>
        {description ? <p className="text-sm text-slate-600 dark:text-slate-400">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}
