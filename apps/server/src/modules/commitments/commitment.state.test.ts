import { describe, expect, it } from 'vitest';
import { commitmentState, contentHash } from './commitment.state.ts';

describe('commitment state as of a date', () => {
  const due = '2025-09-30';
  it('is kept when every assignment was completed by the due date (and known by asOf)', () => {
    expect(
      commitmentState([{ completedOn: '2025-09-30' }, { completedOn: '2025-08-01' }], due, '2025-10-15'),
    ).toBe('kept');
    expect(commitmentState([{ completedOn: '2025-08-01' }], due, '2025-08-02')).toBe('kept'); // early
    expect(commitmentState([{ completedOn: '2025-08-01' }], due, '2025-07-31')).toBe('pending'); // not yet known
  });

  it('is broken once the due date passed without every completion, pending before', () => {
    expect(commitmentState([{ completedOn: '2025-10-01' }], due, '2025-10-02')).toBe('broken'); // late
    expect(commitmentState([{ completedOn: null }, { completedOn: '2025-09-01' }], due, '2025-10-01')).toBe(
      'broken',
    );
    expect(commitmentState([{ completedOn: null }], due, '2025-09-30')).toBe('pending'); // due day itself
  });

  it('hashes the canonical content, independent of assignment order', () => {
    const c = {
      unitId: 'u',
      programmeId: null,
      outcome: 'Hoàn thành',
      dueOn: due,
      assignmentIds: ['b', 'a'],
      signerUserId: 's',
      signerName: 'Lãnh đạo',
      signedAt: '2025-06-01T00:00:00.000Z',
    };
    expect(contentHash(c)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash({ ...c, assignmentIds: ['a', 'b'] })).toBe(contentHash(c));
    expect(contentHash({ ...c, outcome: 'Hoàn thành.' })).not.toBe(contentHash(c));
  });
});
