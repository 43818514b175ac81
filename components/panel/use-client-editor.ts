import { useEffect, useRef, useState } from 'react';
import type { Client } from '../../lib/model/client';

/**
 * An editor of a client opened in place by a button ("Edit key facts", "Edit team"): whether it is
 * open, the client to show (a save's answer at once, until the view's refresh brings it or newer),
 * and the keyboard back on the button when it closes.
 */
export function useClientEditor(client: Client, openAtFirst = false) {
  const [editing, setEditing] = useState(openAtFirst);
  const [saved, setSaved] = useState<Client>();
  const button = useRef<HTMLButtonElement>(null);
  const backToButton = useRef(false);
  useEffect(() => {
    if (editing || !backToButton.current) return;
    backToButton.current = false;
    button.current?.focus();
  }, [editing]);
  const close = () => {
    backToButton.current = true;
    setEditing(false);
  };
  return {
    editing,
    open: () => setEditing(true),
    close,
    onSaved: (c: Client) => {
      setSaved(c);
      close();
    },
    button,
    shown: saved?.id === client.id && saved.updatedAt >= client.updatedAt ? saved : client,
  };
}
