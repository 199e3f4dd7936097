/**
 * Duplicate detection within the memory goal (ADR 0019): each key is hashed to 64 bits (two independent
 * 32-bit hashes: FNV-1a and a Murmur3-style mix) and kept in an open-addressing table of Uint32 pairs —
 * 8 bytes a key, at most twice that with the table half full: 1 million distinct keys take 16 MB, 10 million
 * 128 MB. Two different keys share a 64-bit hash with probability about n²/2⁶⁵ (10 million keys: 3 in a
 * million runs), which would count one duplicate too many; the rate is stated with every result.
 */
export class HashSet64 {
  private table: Uint32Array;
  private mask: number;
  size = 0;

  constructor(initialCapacity = 1 << 16) {
    let cap = 1;
    while (cap < initialCapacity) cap <<= 1;
    this.table = new Uint32Array(cap * 2);
    this.mask = cap - 1;
  }

  /** Adds the key; false when its hash was already present (a duplicate). */
  add(key: string): boolean {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      let k = Math.imul(c, 0xcc9e2d51);
      k = (k << 15) | (k >>> 17);
      h2 ^= Math.imul(k, 0x1b873593);
      h2 = (Math.imul((h2 << 13) | (h2 >>> 19), 5) + 0xe6546b64) | 0;
    }
    h2 ^= key.length;
    h2 = Math.imul(h2 ^ (h2 >>> 16), 0x85ebca6b);
    h2 = Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
    h2 ^= h2 >>> 16;
    return this.insert(h1 >>> 0, h2 >>> 0 || 1); // (x, 0) marks an empty slot
  }

  private insert(a: number, b: number): boolean {
    let i = (a ^ Math.imul(b, 0x9e3779b1)) & this.mask;
    const t = this.table;
    for (;;) {
      const slot = i * 2;
      const sb = t[slot + 1]!;
      if (sb === 0) {
        t[slot] = a;
        t[slot + 1] = b;
        if (++this.size * 2 > this.mask + 1) this.grow();
        return true;
      }
      if (sb === b && t[slot] === a) return false;
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    this.mask = this.table.length / 2 - 1;
    this.size = 0;
    for (let s = 0; s < old.length; s += 2) if (old[s + 1] !== 0) this.insert(old[s]!, old[s + 1]!);
  }

  /** Bytes the table holds. */
  get bytes(): number {
    return this.table.byteLength;
  }
}
