/**
 * Anchoring the audit chain outside the database (issue 7 item 10): after each sealing, the chain head
 * (seq, hash) is signed with an Ed25519 key that the database never holds, and the signed checkpoint is
 * appended to a log outside the database (a JSON-lines file, and the server log). Whoever can rewrite the
 * database can recompute every hash, but cannot sign a new checkpoint: `audit:verify` compares the chain with
 * every checkpoint, so rewritten or removed events that a checkpoint covered are detected.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface Checkpoint {
  seq: number;
  hash: string;
  at: string;
  /** First 16 hex digits of the SHA-256 of the public key (SPKI DER). */
  keyId: string;
  /** Ed25519 signature (base64) of `checkpointMessage`. */
  sig: string;
}

export const checkpointMessage = (c: Pick<Checkpoint, 'seq' | 'hash' | 'at'>) =>
  Buffer.from(`pilotage-audit-checkpoint/v1\n${c.seq}\n${c.hash}\n${c.at}`);

export const keyIdOf = (publicKey: KeyObject) =>
  createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);

/** Where checkpoints go: a file (production) or memory (tests, `:memory:` databases). */
export interface CheckpointLog {
  append(c: Checkpoint): Promise<void>;
  readAll(): Promise<Checkpoint[]>;
  readonly where: string;
}

export class FileCheckpointLog implements CheckpointLog {
  constructor(readonly where: string) {}
  async append(c: Checkpoint) {
    await mkdir(path.dirname(this.where), { recursive: true });
    await appendFile(this.where, `${JSON.stringify(c)}\n`, { mode: 0o640 });
  }
  async readAll(): Promise<Checkpoint[]> {
    if (!existsSync(this.where)) return [];
    const text = await readFile(this.where, 'utf8');
    return text
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Checkpoint);
  }
}

export class MemoryCheckpointLog implements CheckpointLog {
  readonly where = 'memory';
  readonly entries: Checkpoint[] = [];
  append(c: Checkpoint) {
    this.entries.push(c);
    return Promise.resolve();
  }
  readAll() {
    return Promise.resolve([...this.entries]);
  }
}

/** Signs and checks checkpoints. Verification needs only the public key. */
export class AuditAnchor {
  readonly keyId: string;
  onCheckpoint: ((c: Checkpoint) => void) | undefined;

  constructor(
    readonly publicKey: KeyObject,
    private readonly privateKey: KeyObject | null,
    readonly log: CheckpointLog,
  ) {
    this.keyId = keyIdOf(publicKey);
  }

  async checkpoint(head: { seq: number; hash: string }, at = new Date()): Promise<Checkpoint> {
    if (!this.privateKey) throw new Error('this audit anchor can only verify (no private key)');
    const body = { seq: head.seq, hash: head.hash, at: at.toISOString() };
    const c: Checkpoint = {
      ...body,
      keyId: this.keyId,
      sig: sign(null, checkpointMessage(body), this.privateKey).toString('base64'),
    };
    await this.log.append(c);
    this.onCheckpoint?.(c);
    return c;
  }

  isAuthentic(c: Checkpoint): boolean {
    try {
      return (
        Number.isInteger(c.seq) &&
        typeof c.hash === 'string' &&
        verify(null, checkpointMessage(c), this.publicKey, Buffer.from(c.sig, 'base64'))
      );
    } catch {
      return false;
    }
  }

  /** An ephemeral key and an in-memory log (tests, throwaway databases). */
  static inMemory(): AuditAnchor {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    return new AuditAnchor(publicKey, privateKey, new MemoryCheckpointLog());
  }

  /**
   * The signing key from `keyFile` (PKCS#8 PEM), generated there (mode 0600, with `<keyFile>.pub` beside it)
   * when absent; checkpoints appended to `checkpointFile`.
   */
  static async fromFiles(keyFile: string, checkpointFile: string): Promise<AuditAnchor> {
    if (!existsSync(keyFile)) {
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      await mkdir(path.dirname(keyFile), { recursive: true });
      await writeFile(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), {
        mode: 0o600,
        flag: 'wx',
      }).catch((error: unknown) => {
        // another instance generated it at the same moment: use theirs
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      });
      await writeFile(`${keyFile}.pub`, publicKey.export({ type: 'spki', format: 'pem' }), { flag: 'w' });
    }
    const privateKey = createPrivateKey(await readFile(keyFile));
    return new AuditAnchor(createPublicKey(privateKey), privateKey, new FileCheckpointLog(checkpointFile));
  }

  /** For verification only: a public key file (SPKI PEM) or the private key file. */
  static async forVerification(keyFile: string, checkpointFile: string): Promise<AuditAnchor> {
    const pem = await readFile(keyFile);
    const publicKey = pem.includes('PRIVATE KEY')
      ? createPublicKey(createPrivateKey(pem))
      : createPublicKey(pem);
    return new AuditAnchor(publicKey, null, new FileCheckpointLog(checkpointFile));
  }
}
