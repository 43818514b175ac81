import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Secrets at rest (the bot's Asana token, Asana webhook secrets, Slack webhook URLs): AES-256-GCM under a key derived from
 * BATON_SECRET_KEY, so a copy of the database alone does not hand out the token. Without a key they
 * are kept as they are (the hub warns when a token is stored): a hub on one machine is no worse than its disk.
 */
export interface SecretBox {
  seal(plain: string): string;
  open(stored: string): string;
  readonly encrypted: boolean;
}

const SEALED = 'v1:';

export function secretBox(key: string | undefined): SecretBox {
  if (!key) return { seal: (plain) => `plain:${plain}`, open: (stored) => openPlain(stored), encrypted: false };
  const k = createHash('sha256').update(key).digest();
  return {
    encrypted: true,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', k, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return SEALED + [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
    },
    open(stored) {
      if (!stored.startsWith(SEALED)) return openPlain(stored);
      const [iv, tag, body] = stored.slice(SEALED.length).split('.').map((p) => Buffer.from(p, 'base64url'));
      const decipher = createDecipheriv('aes-256-gcm', k, iv!);
      decipher.setAuthTag(tag!);
      return Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8');
    },
  };
}

function openPlain(stored: string): string {
  if (stored.startsWith('plain:')) return stored.slice('plain:'.length);
  throw new Error('This secret was sealed with BATON_SECRET_KEY, which is not set now.');
}
