import { useEffect, useRef, useState } from 'react';
import { Button } from '../button';
import { helpClass, linkClass } from '../form-styles';
import { useFocusBack } from '../use-focus-back';

/**
 * "Change template" on a draft started with the page's template. Changing cancels the draft: on a draft as
 * the page prefilled it, at once; once the person typed anything (now or on an earlier visit), only after
 * asking, and with what was typed saved into the draft first (so the cancelled draft still holds it).
 */
export function ChangeTemplate({ edited, save, onChange }: { edited: boolean; save: () => Promise<boolean>; onChange: () => void }) {
  const [asking, setAsking] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  // The question takes focus when it appears, and gives it back to "Change template" when answered "keep".
  useEffect(() => {
    if (asking) keep.current?.focus();
  }, [asking]);
  useFocusBack(asking, trigger);
  const change = async () => {
    // A save refused (its reason shows under the heading): the draft stays, with what was typed.
    if (await save()) onChange();
  };
  if (asking) {
    return (
      <div role="group" aria-label="Change template?" className="flex basis-full flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-800 dark:bg-amber-950">
        <p className={helpClass}>Another template starts a new draft: this one is cancelled, with what you typed in it.</p>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" ref={keep} onClick={() => setAsking(false)}>
            Keep this draft
          </Button>
          <Button variant="danger" onClick={() => void change()}>
            Discard and change template
          </Button>
        </div>
      </div>
    );
  }
  return (
    <button ref={trigger} type="button" className={`${linkClass} text-sm`} onClick={() => (edited ? setAsking(true) : void change())}>
      Change template
    </button>
  );
}
