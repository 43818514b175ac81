import type { Client } from '../lib/model/client';

/** The options of a client picker: a "Choose a client…" placeholder, then each client by name. */
export function ClientOptions({ clients }: { clients: readonly Pick<Client, 'id' | 'name'>[] }) {
  return (
    <>
      <option value="">Choose a client…</option>
      {clients.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </>
  );
}
