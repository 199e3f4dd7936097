/** Solves a proof-of-work challenge with WebCrypto: SHA-256(challenge ":" nonce) with `bits` leading zero bits. */
export async function solveChallenge(challenge: string, bits: number): Promise<string> {
  const enc = new TextEncoder();
  for (let i = 0; ; i++) {
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', enc.encode(`${challenge}:${i}`)));
    let zeros = 0;
    for (const byte of hash) {
      if (byte === 0) {
        zeros += 8;
        continue;
      }
      zeros += Math.clz32(byte) - 24;
      break;
    }
    if (zeros >= bits) return String(i);
  }
}
