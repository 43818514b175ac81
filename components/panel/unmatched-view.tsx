import { useState } from 'react';
import type { TabState } from '../../lib/messaging/protocol';
import { Button } from '../button';
import { LinkClientPicker } from './link-client-picker';
import { PageFacts } from './page-facts';
import { ViewHeading } from './view-heading';

/** A page Baton reads but cannot place (or places on two clients equally): offer to link it. */
export function UnmatchedView({ tab }: { tab: TabState }) {
  const [picking, setPicking] = useState(false);
  const { match } = tab;
  const ambiguous = match.status === 'ambiguous';
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <ViewHeading>{ambiguous ? 'Which client is this?' : 'No client for this page'}</ViewHeading>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {ambiguous
            ? `This page fits ${match.tied.map((c) => c.name).join(' and ')} equally. Link it to the right one.`
            : 'Link this page to a client and Baton will recognise it from now on.'}
        </p>
        {picking ? (
          <LinkClientPicker tab={tab} onClose={() => setPicking(false)} />
        ) : (
          <div>
            <Button onClick={() => setPicking(true)}>Link to client</Button>
          </div>
        )}
      </div>
      <PageFacts tab={tab} />
    </div>
  );
}
