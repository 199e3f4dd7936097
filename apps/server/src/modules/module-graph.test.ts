import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Module → modules it imports (from non-test sources). */
function graph(root: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of readdirSync(root)) {
    const dir = path.join(root, m);
    if (!statSync(dir).isDirectory()) continue;
    const deps = new Set<string>();
    for (const f of readdirSync(dir)) {
      if (!f.endsWith('.ts') || f.endsWith('.test.ts')) continue;
      for (const [, dep] of readFileSync(path.join(dir, f), 'utf8').matchAll(/from '\.\.\/([a-z-]+)\//g))
        if (dep !== m) deps.add(dep!);
    }
    out.set(m, deps);
  }
  return out;
}

/** Every cycle's modules, as "a → b → a" strings (depth-first search). */
function cycles(g: Map<string, Set<string>>): string[] {
  const found = new Set<string>();
  const walk = (node: string, trail: string[]) => {
    for (const next of g.get(node) ?? []) {
      const at = trail.indexOf(next);
      if (at >= 0) found.add([...trail.slice(at), next].join(' → '));
      else walk(next, [...trail, next]);
    }
  };
  for (const m of g.keys()) walk(m, [m]);
  return [...found];
}

describe('module import graph', () => {
  it('has no cycle (reports no longer imports notifications or commitments: it records events)', () => {
    expect(cycles(graph(import.meta.dirname))).toEqual([]);
  });

  it('the cycle finder finds one', () => {
    const g = new Map([
      ['reports', new Set(['notifications'])],
      ['notifications', new Set(['reports'])],
    ]);
    expect(cycles(g).length).toBeGreaterThan(0);
  });
});
