/**
 * Personal data at rest (issue 10 item 9): contacts and citizen IDs are sealed with AES-256-GCM
 * (node:crypto) under a key from configuration; the row keeps the key id, so keys rotate without a big-bang
 * re-encryption (docs/SECURITY.md): add a new key first in PILOTAGE_FEEDBACK_KEYS, old keys stay listed
 * until the retention purge (or a re-sealing maintenance run, docs/SECURITY.md) has left no row sealed with them.
 * Sealed text: base64url(iv[12] ‖ tag[16] ‖ ciphertext). The item id is the additional authenticated data,
 * so a sealed value copied onto another row does not open.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface Contact {
  name: string;
  email?: string | undefined;
  phone?: string | undefined;
  citizenId?: string | undefined;
}

export class Keyring {
  private constructor(
    private readonly keys: ReadonlyMap<string, Buffer>,
    readonly currentId: string,
  ) {}

  /** `id:base64[,id:base64…]`, the first sealing; unset: one random key for this process. */
  static fromConfig(spec: string | undefined): Keyring {
    if (!spec) return new Keyring(new Map([['ephemeral', randomBytes(32)]]), 'ephemeral');
    const keys = new Map<string, Buffer>();
    for (const part of spec
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const [id, b64] = part.split(':');
      const key = Buffer.from(b64 ?? '', 'base64');
      if (!id || key.length !== 32) throw new Error(`PILOTAGE_FEEDBACK_KEYS: key "${id}" is not 32 bytes`);
      keys.set(id, key);
    }
    const first = [...keys.keys()][0];
    if (!first) throw new Error('PILOTAGE_FEEDBACK_KEYS: no key');
    return new Keyring(keys, first);
  }

  seal(value: unknown, aad: string): { sealed: string; keyId: string } {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentId)!, iv);
    cipher.setAAD(Buffer.from(aad));
    const ct = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return {
      sealed: Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64url'),
      keyId: this.currentId,
    };
  }

  /** Opens a sealed value; throws when the key is unknown or the value was tampered with. */
  open<T>(sealed: string, keyId: string, aad: string): T {
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`personal data sealed with an unknown key "${keyId}"`);
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(raw.subarray(12, 28));
    return JSON.parse(
      Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'),
    ) as T;
  }

  has(keyId: string): boolean {
    return this.keys.has(keyId);
  }
}

/** Shows enough to recognise, not to read: "Nguyễn Văn An" → "Nguyễn V** A*". */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/);
  return words
    .map((w, i) => (i === 0 ? w : `${[...w][0] ?? ''}${'*'.repeat(Math.max(1, [...w].length - 1))}`))
    .join(' ');
}
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `${'*'.repeat(Math.max(0, digits.length - 3))}${digits.slice(-3)}`;
}
/** A citizen ID shows its last 3 digits only. */
export function maskCitizenId(id: string): string {
  return `*********${id.slice(-3)}`;
}

export function maskContact(c: Contact) {
  return {
    name: maskName(c.name),
    email: c.email ? maskEmail(c.email) : null,
    phone: c.phone ? maskPhone(c.phone) : null,
    citizenId: c.citizenId ? maskCitizenId(c.citizenId) : null,
  };
}
