import { useState, type FormEvent } from 'react';
import { sendRequest } from '../../lib/messaging/send';
import { Button } from '../button';
import { ErrorAlert } from '../error-alert';
import { StatusMessage } from './alerts';
import { Card } from './card';
import { PersonFields, usePerson } from './person-fields';

/** Working alone (no hub): an admin adds colleagues so handoffs can be addressed to them. */
export function AddMember() {
  const { person, change, reset } = usePerson();
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setStatus(undefined);
    const reply = await sendRequest<'member/add'>({ type: 'member/add', name: person.name.trim(), email: person.email.trim(), role: person.role });
    if (!reply.ok) {
      setError(reply.problem.message);
      return;
    }
    setStatus(`Added ${reply.data.name}.`);
    reset();
  };

  return (
    <Card title="Add a member">
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto]">
        <PersonFields person={person} change={change} words={{ name: 'Member name', email: 'Member email' }} />
        <div className="flex flex-col gap-2 sm:col-span-3">
          <ErrorAlert message={error} />
          <div className="flex items-center gap-3">
            <Button type="submit">Add member</Button>
            <StatusMessage message={status} />
          </div>
        </div>
      </form>
    </Card>
  );
}
