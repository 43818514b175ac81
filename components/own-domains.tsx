import { useEffect, useState, type FormEvent } from 'react';
import { sendRequest } from '../lib/messaging/send';
import { Button } from './button';
import { Section } from './section';
import { inputClass, labelClass } from './form-styles';

export function OwnDomains() {
  const [domains, setDomains] = useState('');
  const [message, setMessage] = useState<string | undefined>();

  useEffect(() => {
    void sendRequest<'settings/get'>({ type: 'settings/get' }).then((reply) => {
      if (reply.ok) setDomains(reply.data.ownDomains.join(' '));
    });
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ownDomains = domains.split(/[\s,]+/).filter(Boolean);
    const reply = await sendRequest<'settings/save'>({ type: 'settings/save', settings: { ownDomains } });
    setMessage(reply.ok ? 'Saved.' : reply.problem.message);
    if (reply.ok) setDomains(reply.data.ownDomains.join(' '));
  };

  return (
    <Section title="Your agency" description="Colleagues' addresses never identify a client. Your signed-in Gmail domain counts automatically.">
      <form onSubmit={submit} className="flex flex-col gap-3">
        <label className={labelClass}>
          Agency email domains
          <input className={inputClass} value={domains} onChange={(e) => setDomains(e.target.value)} placeholder="brightlane.agency brightlane.co.uk" />
        </label>
        <div className="flex items-center gap-3">
          <Button type="submit">Save domains</Button>
          <span role="status" className="text-sm text-slate-600 dark:text-slate-400">
            {message}
          </span>
        </div>
      </form>
    </Section>
  );
}
