/**
 * Proof of work without a third party (hashcash-style): the server mints a challenge
 * `<expiresMs>.<bits>.<random>.<hmac>`; the browser finds a nonce such that SHA-256(challenge ":" nonce) starts
 * with `bits` zero bits (WebCrypto, ~2^bits hashes). The HMAC makes challenges unforgeable and stateless; the
 * database remembers redeemed ones so a solution serves once (pow_redeemed).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const TTL_MS = 10 * 60_000;

export function mintChallenge(secret: Buffer, bits: number, now = Date.now()) {
  const body = `${now + TTL_MS}.${bits}.${randomBytes(12).toString('base64url')}`;
  const mac = createHmac('sha256', secret).update(body).digest('base64url');
  return { challenge: `${body}.${mac}`, bits, expiresAt: new Date(now + TTL_MS) };
}

export function leadingZeroBits(hash: Buffer): number {
  let n = 0;
  for (const byte of hash) {
    if (byte === 0) {
      n += 8;
      continue;
    }
    n += Math.clz32(byte) - 24;
    break;
  }
  return n;
}

export type PowVerdict = { ok: true; expiresAt: Date } | { ok: false; reason: 'forged' | 'expired' | 'weak' };

/** Checks a solution: signed by us, not expired, asking at least `minBits`, and solved. */
export function verifySolution(
  secret: Buffer,
  challenge: string,
  nonce: string,
  minBits: number,
  now = Date.now(),
): PowVerdict {
  const parts = challenge.split('.');
  if (parts.length !== 4) return { ok: false, reason: 'forged' };
  const [expires, bits, , mac] = parts as [string, string, string, string];
  const expected = createHmac('sha256', secret).update(parts.slice(0, 3).join('.')).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'forged' };
  if (Number(expires) < now) return { ok: false, reason: 'expired' };
  if (Number(bits) < minBits) return { ok: false, reason: 'weak' };
  const hash = createHash('sha256').update(`${challenge}:${nonce}`).digest();
  return leadingZeroBits(hash) >= Number(bits)
    ? { ok: true, expiresAt: new Date(Number(expires)) }
    : { ok: false, reason: 'weak' };
}

/** Solves a challenge (tests, benchmark and the Open311 client have no browser). */
export function solve(challenge: string, bits: number): string {
  for (let i = 0; ; i++) {
    const hash = createHash('sha256').update(`${challenge}:${i}`).digest();
    if (leadingZeroBits(hash) >= bits) return String(i);
  }
}
