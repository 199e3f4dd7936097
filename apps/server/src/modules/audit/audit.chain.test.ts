import { describe, expect, it } from 'vitest';
import { canonicalJson, chainHash, GENESIS_HASH, type ChainedFields } from './audit.chain.ts';

const fields = (over: Partial<ChainedFields> = {}): ChainedFields => ({
  id: '01900000-0000-7000-8000-000000000001',
  seq: 1,
  occurredAt: '2025-07-02T03:04:05.678Z',
  actorUserId: null,
  actorName: 'system',
  actorUnitId: null,
  action: 'user.create',
  entityType: 'user',
  entityId: 'x',
  before: null,
  after: { b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'Hà Nội' } },
  requestId: 'r1',
  ...over,
});

describe('canonicalJson', () => {
  it('sorts keys at every level, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
  });

  it('does not depend on key order (as jsonb reorders keys)', () => {
    const a = { x: 1, y: { p: [1, { k: 'v', j: true }], q: 'đ' } };
    const b = { y: { q: 'đ', p: [1, { j: true, k: 'v' }] }, x: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(JSON.parse(JSON.stringify(b)))).toBe(canonicalJson(a));
  });

  it('drops undefined properties, renders undefined as null and dates as ISO strings', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson({ at: new Date('2025-01-01T00:00:00Z') })).toBe('{"at":"2025-01-01T00:00:00.000Z"}');
  });

  it('distinguishes values of different types', () => {
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
    expect(canonicalJson([null])).not.toBe(canonicalJson([]));
  });
});

describe('chainHash', () => {
  it('is a stable sha256 hex digest under key reordering', () => {
    const h1 = chainHash(GENESIS_HASH, fields());
    const reordered = Object.fromEntries(Object.entries(fields()).reverse()) as unknown as ChainedFields;
    const h2 = chainHash(GENESIS_HASH, {
      ...reordered,
      after: { a: { c: 'Hà Nội', d: [3, { y: 2, z: 1 }] }, b: 1 },
    });
    expect(h1).toMatch(/^[0-9a-f]{64}$/);
    expect(h2).toBe(h1);
  });

  it('changes when any field or the previous hash changes', () => {
    const base = chainHash(GENESIS_HASH, fields());
    expect(chainHash('other', fields())).not.toBe(base);
    expect(chainHash(GENESIS_HASH, fields({ seq: 2 }))).not.toBe(base);
    expect(
      chainHash(GENESIS_HASH, fields({ after: { b: 2, a: { d: [3, { z: 1, y: 2 }], c: 'Hà Nội' } } })),
    ).not.toBe(base);
    expect(
      chainHash(GENESIS_HASH, fields({ after: { b: 1, a: { d: [{ z: 1, y: 2 }, 3], c: 'Hà Nội' } } })),
    ).not.toBe(base);
    expect(chainHash(GENESIS_HASH, fields({ requestId: null }))).not.toBe(base);
    expect(chainHash(GENESIS_HASH, fields({ actorName: 'admin' }))).not.toBe(base);
  });

  it('links: each hash depends on the whole history', () => {
    const h1 = chainHash(GENESIS_HASH, fields());
    const h2 = chainHash(h1, fields({ seq: 2 }));
    const h1Tampered = chainHash(GENESIS_HASH, fields({ entityId: 'y' }));
    expect(chainHash(h1Tampered, fields({ seq: 2 }))).not.toBe(h2);
  });
});
