import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { leadingZeroBits, mintChallenge, solve, verifySolution } from './pow.ts';

const secret = randomBytes(32);

describe('proof of work', () => {
  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Buffer.from([0, 0, 0x80]))).toBe(16);
    expect(leadingZeroBits(Buffer.from([0, 0x0f]))).toBe(12);
    expect(leadingZeroBits(Buffer.from([0xff]))).toBe(0);
  });

  it('accepts a solved challenge, refuses an unsolved, forged, expired or weakened one', () => {
    const now = Date.now();
    const { challenge } = mintChallenge(secret, 10, now);
    const nonce = solve(challenge, 10);
    expect(verifySolution(secret, challenge, nonce, 10, now).ok).toBe(true);
    const wrong = [...Array(50).keys()]
      .map(String)
      .find((n) => !verifySolution(secret, challenge, n, 10, now).ok)!;
    expect(verifySolution(secret, challenge, wrong, 10, now)).toEqual({ ok: false, reason: 'weak' });
    expect(verifySolution(randomBytes(32), challenge, nonce, 10, now)).toEqual({
      ok: false,
      reason: 'forged',
    });
    expect(verifySolution(secret, challenge, nonce, 10, now + 11 * 60_000)).toEqual({
      ok: false,
      reason: 'expired',
    });
    // a challenge minted for fewer bits than now asked is refused
    const easy = mintChallenge(secret, 2, now).challenge;
    expect(verifySolution(secret, easy, solve(easy, 2), 10, now)).toEqual({ ok: false, reason: 'weak' });
    // editing the bits of a signed challenge breaks the signature
    const edited = challenge.replace('.10.', '.1.');
    expect(verifySolution(secret, edited, solve(edited, 1), 1, now)).toEqual({ ok: false, reason: 'forged' });
  });
});
