import { useEffect, useRef, useState } from 'react';
import type { KeyFactsOffer } from '../../lib/background/key-facts-offer';
import type { Handoff } from '../../lib/model/handoff';
import { sendRequest } from '../../lib/messaging/send';
import { Button } from '../button';
import { ErrorAlert } from '../error-alert';
import { cardClass, sectionHeadingClass } from '../form-styles';
import { StatusMessage } from '../options/alerts';
import { plural } from '../../lib/text/plural';
import { useLive } from '../use-live';
import { FactList } from './client-facts';
import { useAction } from './use-action';
import { useWorkspace } from './workspace';

function Offer({ handoff, clientName }: { handoff: Handoff; clientName: string }) {
  const live = useLive(() => sendRequest<'client/handoff-facts-offer'>({ type: 'client/handoff-facts-offer', handoffId: handoff.id }), { key: `facts-offer:${handoff.id}`, stores: ['clients', 'handoffs', 'members'] });
  const { run, busy, error } = useAction();
  const [copied, setCopied] = useState<string>();
  const status = useRef<HTMLParagraphElement>(null);
  // The button is gone once it has done its work: the keyboard goes to what it did, not to the page's top.
  useEffect(() => {
    if (copied) status.current?.focus();
  }, [copied]);
  const offer: KeyFactsOffer | undefined = live.status === 'ready' ? live.data : undefined;
  const empty = !offer || offer.stakeholders.length + offer.preferences.length === 0;
  // Once everything is on the client there is nothing to offer: only what was just done is said.
  if (empty || copied) return <StatusMessage ref={status} message={copied} />;

  const copy = async () => {
    const done = await run(() => sendRequest<'client/copy-handoff-facts'>({ type: 'client/copy-handoff-facts', handoffId: handoff.id }));
    if (!done) return;
    const parts = [offer.stakeholders.length ? plural(offer.stakeholders.length, 'stakeholder') : '', offer.preferences.length ? plural(offer.preferences.length, 'decision') : ''].filter(Boolean);
    setCopied(`Added ${parts.join(' and ')} to ${clientName}’s key facts.`);
  };

  return (
    <section aria-labelledby={`facts-offer-${handoff.id}`} className={`${cardClass} flex flex-col gap-2 p-3`}>
      <h2 id={`facts-offer-${handoff.id}`} className={sectionHeadingClass}>
        For {clientName}’s key facts
      </h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">This handoff names what the client’s key facts do not have yet:</p>
      <dl className="flex flex-col gap-2">
        <FactList title="Stakeholders" items={offer.stakeholders.map((p) => [p.name, p.role, p.email].filter(Boolean).join(' · '))} />
        <FactList title="Decisions, added as preferences" items={offer.preferences} />
      </dl>
      <ErrorAlert message={error} />
      <div>
        <Button variant="secondary" disabled={busy} onClick={() => void copy()}>
          Copy to client’s key facts
        </Button>
      </div>
    </section>
  );
}

/**
 * After a handoff is confirmed, its sender and receiver are offered to copy the client-side people and
 * the decisions it records into the client's key facts (lib/background/key-facts-offer.ts says which).
 */
export function KeyFactsCopy({ handoff }: { handoff: Handoff }) {
  const { me, clients } = useWorkspace();
  const involved = handoff.senderId === me.id || handoff.receiverId === me.id;
  const client = clients.find((c) => c.id === handoff.clientId);
  if (handoff.state !== 'confirmed' || !involved || !client) return null;
  return <Offer handoff={handoff} clientName={client.name} />;
}
