import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditAnchor } from './audit.anchor.ts';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('AuditAnchor', () => {
  it('generates its key on first use (private 0600, public beside it) and reuses it', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'anchor-'));
    const keyFile = path.join(dir, 'keys', 'audit.pem');
    const log = path.join(dir, 'checkpoints.jsonl');
    const a = await AuditAnchor.fromFiles(keyFile, log);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    expect(await readFile(`${keyFile}.pub`, 'utf8')).toContain('PUBLIC KEY');
    const b = await AuditAnchor.fromFiles(keyFile, log);
    expect(b.keyId).toBe(a.keyId);
  });

  it('signs checkpoints that only the matching public key accepts, unaltered', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'anchor-'));
    const keyFile = path.join(dir, 'audit.pem');
    const log = path.join(dir, 'checkpoints.jsonl');
    const signer = await AuditAnchor.fromFiles(keyFile, log);
    await signer.checkpoint({ seq: 7, hash: 'a'.repeat(64) });
    const verifier = await AuditAnchor.forVerification(`${keyFile}.pub`, log);
    const [c] = await verifier.log.readAll();
    expect(c).toMatchObject({ seq: 7, hash: 'a'.repeat(64), keyId: signer.keyId });
    expect(verifier.isAuthentic(c!)).toBe(true);
    expect(verifier.isAuthentic({ ...c!, seq: 8 })).toBe(false);
    expect(verifier.isAuthentic({ ...c!, hash: 'b'.repeat(64) })).toBe(false);
    expect(AuditAnchor.inMemory().isAuthentic(c!)).toBe(false); // another key
    await expect(verifier.checkpoint({ seq: 8, hash: 'x' })).rejects.toThrow(/only verify/);
  });
});
