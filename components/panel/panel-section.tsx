import { useId, type ReactNode } from 'react';
import { sectionHeadingClass } from '../form-styles';

/** A region of a view with its own heading: landmarks for screen readers, structure for everyone. */
export function PanelSection({ title, action, children, className = '' }: { title: string; action?: ReactNode; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={`flex flex-col gap-2 ${className}`}>
      <div className="flex items-center justify-between gap-2">
        <h2 id={id} className={sectionHeadingClass}>
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}
