import { describe, expect, it } from 'vitest';
import { autoSlash, displayToIso, isoToDisplay } from './dates.ts';

describe('day/month/year dates', () => {
  it('shows ISO dates day first', () => {
    expect(isoToDisplay('2025-06-30')).toBe('30/06/2025');
    expect(isoToDisplay('')).toBe('');
  });

  it('reads what people type, and refuses dates that do not exist', () => {
    expect(displayToIso('30/06/2025')).toBe('2025-06-30');
    expect(displayToIso('1/2/2026')).toBe('2026-02-01');
    expect(displayToIso('30-6-2025')).toBe('2025-06-30');
    expect(displayToIso('30.06.2025')).toBe('2025-06-30');
    expect(displayToIso('30062025')).toBe('2025-06-30');
    expect(displayToIso('2025-06-30')).toBe('2025-06-30');
    expect(displayToIso('  ')).toBe('');
    expect(displayToIso('31/02/2025')).toBeNull();
    expect(displayToIso('06/30/2025')).toBeNull();
    expect(displayToIso('30/06/25')).toBeNull();
    expect(displayToIso('hôm nay')).toBeNull();
  });

  it('adds the slashes while typing digits, not while deleting', () => {
    expect(autoSlash('30', '3')).toBe('30/');
    expect(autoSlash('30/06', '30/0')).toBe('30/06/');
    expect(autoSlash('30/0', '30/06')).toBe('30/0');
    expect(autoSlash('30/06/2', '30/06/')).toBe('30/06/2');
  });
});
