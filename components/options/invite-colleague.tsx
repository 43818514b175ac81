import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { NewHubInvite } from '../../lib/sync/hub-client';
import { parseInviteLink } from '../../lib/sync/invite-link';
import type { Member } from '../../lib/model/member';
import { sendRequest } from '../../lib/messaging/send';
import { Button } from '../button';
import { ErrorAlert } from '../error-alert';
import { inputClass, labelClass, linkClass } from '../form-styles';
import { StatusMessage } from './alerts';
import { Card } from './card';
import { PersonFields, usePerson } from './person-fields';

/** "13 Dec": the day an invite expires, as a person reads it. */
export const expiryDay = (at: string) => new Date(at).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });

/** A ready-to-send email: what Baton is, where to get it (the hub's /join page) and the link. */
function inviteEmail(invite: NewHubInvite, from: string | undefined): string {
  const hub = parseInviteLink(invite.link)?.url ?? '';
  const body = [
    `Hi ${invite.name},`,
    '',
    `${from ?? 'I'} invited you to our team on Baton, the browser extension we use to hand work over between colleagues: every handoff arrives complete, and is confirmed.`,
    '',
    `1. Get Baton: ${hub}/join says where and how.`,
    '2. In Baton, open Settings → Team hub, paste this whole link into "Invite link" and choose Connect:',
    '',
    invite.link,
    '',
    invite.expiresAt ? `The link works once, until ${expiryDay(invite.expiresAt)}.` : 'The link works once.',
  ].join('\n');
  return `mailto:${encodeURIComponent(invite.email)}?subject=${encodeURIComponent('Join our team on Baton')}&body=${encodeURIComponent(body)}`;
}

/** An admin on a hub invites a colleague: a one-time link to copy or email. */
export function InviteColleague({ me, onInvited }: { me: Member | undefined; onInvited: () => void }) {
  const { person, change, reset } = usePerson();
  const [error, setError] = useState<string | undefined>();
  const [made, setMade] = useState<NewHubInvite | undefined>();
  const [copied, setCopied] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const linkRef = useRef<HTMLInputElement>(null);
  // The new link is what the admin came for: focus (and select) it, so a keyboard user can copy it at once.
  useEffect(() => linkRef.current?.focus(), [made]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setError(undefined);
    setCopied(undefined);
    setBusy(true);
    const reply = await sendRequest<'invite/create'>({ type: 'invite/create', name: person.name.trim(), email: person.email.trim(), role: person.role });
    setBusy(false);
    if (!reply.ok) return setError(reply.problem.message);
    setMade(reply.data);
    reset();
    onInvited();
  };

  const copy = async (link: string) => {
    await navigator.clipboard.writeText(link).then(
      () => setCopied('Link copied.'),
      () => setCopied('Select the link and copy it.'),
    );
  };

  return (
    <Card title="Invite a colleague" description="They get a one-time link to join this hub, valid for a limited time (a week unless your hub says otherwise).">
      <form onSubmit={submit} aria-label="Invite a colleague" className="grid gap-3 sm:grid-cols-[1fr_1fr_auto]">
        <PersonFields person={person} change={change} />
        <div className="flex flex-col gap-2 sm:col-span-3">
          <ErrorAlert message={error} />
          <div>
            <Button type="submit" disabled={busy}>
              Create invite
            </Button>
          </div>
        </div>
      </form>
      {made ? (
        <div className="flex flex-col gap-2 border-t border-slate-200 pt-3 dark:border-slate-800">
          <label className={labelClass}>
            {`Invite link for ${made.name}`}
            <input ref={linkRef} className={`${inputClass} font-mono`} value={made.link} readOnly onFocus={(e) => e.target.select()} />
          </label>
          {made.expiresAt ? <p className="text-sm text-slate-600 dark:text-slate-400">Works once, until {expiryDay(made.expiresAt)}.</p> : null}
          <div className="flex flex-wrap items-center gap-3">
            <Button variant="secondary" onClick={() => void copy(made.link)}>
              Copy link
            </Button>
            <a className={linkClass} href={inviteEmail(made, me?.name)}>
              Email the invite
            </a>
            <StatusMessage message={copied} />
          </div>
        </div>
      ) : null}
    </Card>
  );
}
