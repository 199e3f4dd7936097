import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * PgBouncer in transaction pooling mode hands each transaction to any server connection: nothing may rely on
 * session state (ADR 0008, "Scaling out"). This scan fails on the constructs that would.
 */
const SRC = path.join(import.meta.dirname, '..');
const FORBIDDEN: [RegExp, string][] = [
  [
    /pg_(try_)?advisory_lock(_shared)?\s*\(/i,
    'session advisory lock (use pg_advisory_xact_lock in a transaction)',
  ],
  [/pg_advisory_unlock/i, 'session advisory unlock'],
  [/\b(LISTEN|UNLISTEN)\s+[a-z_]/, 'LISTEN/NOTIFY'],
  [
    /`\s*set\s+(session\s+)?[a-z_]+\s*(=|to\b)/i,
    'SET outside a transaction (use SET LOCAL / set_config(..., true))',
  ],
  [/\bprepare\s+[a-z_]+\s+as\b/i, 'named prepared statement'],
  [/\bname:\s*['"][^'"]+['"]\s*,\s*text:/, 'named prepared statement (pg query config)'],
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|sql)$/.test(f) && !f.endsWith('.test.ts') ? [p] : [];
  });
}

describe('nothing relies on session state (transaction pooling)', () => {
  it('the server sources use no session advisory lock, LISTEN, session SET or named prepared statement', () => {
    const found: string[] = [];
    for (const file of sources(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const [re, what] of FORBIDDEN)
        if (re.test(text)) found.push(`${path.relative(SRC, file)}: ${what}`);
    }
    expect(found).toEqual([]);
  });

  it('the scan catches what it looks for', () => {
    const hit = (s: string) => FORBIDDEN.some(([re]) => re.test(s));
    expect(hit('select pg_advisory_lock(1)')).toBe(true);
    expect(hit('select pg_advisory_xact_lock(1)')).toBe(false);
    expect(hit('sql`set statement_timeout = 0`')).toBe(true);
    expect(hit('sql`set local statement_timeout = 0`')).toBe(false);
    expect(hit('LISTEN pilotage_events')).toBe(true);
  });
});
