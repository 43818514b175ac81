import { useState } from 'react';
import type { TabState } from '../../lib/messaging/protocol';
import { Button } from '../button';
import { CreateClientForm, createClientFormKey, pageWord } from '../first-run/create-client-form';
import { LinkClientPicker } from './link-client-picker';
import { useNavigation } from './navigation';
import { PageFacts } from './page-facts';
import { ViewHeading } from './view-heading';

/** A page Baton reads but cannot place (or places on two clients equally): offer to link it. */
export function UnmatchedView({ tab }: { tab: TabState }) {
  const [picking, setPicking] = useState(false);
  const { requestFocus } = useNavigation();
  const { match } = tab;
  const ambiguous = match.status === 'ambiguous';
  // A page that fits nobody and names someone: its client can be made right here.
  const creatable = !ambiguous && pageWord(tab) !== undefined;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <ViewHeading>{ambiguous ? 'Which client is this?' : 'No client for this page'}</ViewHeading>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {ambiguous
            ? `This page fits ${match.tied.map((c) => c.name).join(' and ')} equally. Link it to the right one.`
            : creatable
              ? 'Create its client here, or link it to one you have: Baton recognises it from now on.'
              : 'Link this page to a client and Baton will recognise it from now on.'}
        </p>
        {/* Created: the tab is matched again and the panel moves to the client's view, heading focused. */}
        {creatable && !picking ? <CreateClientForm key={createClientFormKey(tab)} tab={tab} buttonLabel={(name) => (name ? `Create client ${name}` : 'Create client')} onCreated={requestFocus} /> : null}
        {picking ? (
          <LinkClientPicker tab={tab} onClose={() => setPicking(false)} />
        ) : (
          <div>
            <Button variant={creatable ? 'secondary' : 'primary'} onClick={() => setPicking(true)}>
              Link to client
            </Button>
          </div>
        )}
      </div>
      <PageFacts tab={tab} />
    </div>
  );
}
