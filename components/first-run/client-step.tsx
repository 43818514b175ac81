import type { TabState } from '../../lib/messaging/protocol';
import { sendRequest } from '../../lib/messaging/send';
import { Button } from '../button';
import { ErrorAlert } from '../error-alert';
import { mutedTextClass } from '../form-styles';
import { useAction } from '../panel/use-action';
import { CreateClientForm, createClientFormKey, pageWord } from './create-client-form';

/** Step 3: the first client, from the open page when it names one, else by name; or the demo agency to look around. */
export function ClientStep({ tab, onDone }: { tab: TabState | null | undefined; onDone: () => void }) {
  const { run, busy, error } = useAction();
  const word = tab?.match.status === 'none' ? pageWord(tab) : undefined;
  const loadDemo = async () => {
    if ((await run(() => sendRequest<'demo/load'>({ type: 'demo/load' }))) !== undefined) onDone();
  };
  return (
    <div className="flex flex-col gap-4">
      <p className={mutedTextClass}>
        {word ? `Make a client of the ${word} you have open: Baton recognises it from now on.` : 'Name a client you work on (open one of their emails and Baton links it for you).'}
      </p>
      <CreateClientForm key={createClientFormKey(word ? tab : undefined)} tab={word ? tab : undefined} buttonLabel={() => (word ? `Create client from this ${word}` : 'Create client')} onCreated={onDone} />
      <div className="flex flex-col gap-1 border-t border-slate-200 pt-3 dark:border-slate-800">
        <p className={mutedTextClass}>Or look around first with a sample agency’s clients and handoffs.</p>
        <div>
          <Button variant="secondary" disabled={busy} onClick={() => void loadDemo()}>
            Load the demo agency
          </Button>
        </div>
        <ErrorAlert message={error} />
      </div>
    </div>
  );
}
