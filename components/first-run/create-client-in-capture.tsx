import type { Client } from '../../lib/model/client';
import { sectionHeadingClass } from '../form-styles';
import { usePanelState } from '../use-panel-state';
import { useWorkspace } from '../panel/workspace';
import { CreateClientForm, createClientFormKey, pageWord } from './create-client-form';

/**
 * In the capture flow's client choice: when there is no client yet, or the page fits none, "Create
 * client …" from the page instead of a dead end. `onCreated` picks the new client for the handoff.
 */
export function CreateClientInCapture({ onCreated }: { onCreated: (client: Client) => void }) {
  const { clients } = useWorkspace();
  const state = usePanelState();
  const tab = state.status === 'ready' ? state.tab : undefined;
  const unmatched = tab ? tab.match.status === 'none' && pageWord(tab) !== undefined : false;
  if (state.status === 'loading' || (clients.length > 0 && !unmatched)) return null;
  const word = pageWord(tab);
  return (
    <section aria-label="New client" className="flex flex-col gap-2 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <h2 className={sectionHeadingClass}>{clients.length === 0 ? 'No clients yet' : `No client for this ${word ?? 'page'}`}</h2>
      <CreateClientForm
        key={createClientFormKey(tab)}
        tab={tab}
        buttonLabel={(name) => (word ? `Create client ${name || `from this ${word}`}` : name ? `Create client ${name}` : 'Create client')}
        onCreated={onCreated}
      />
    </section>
  );
}
