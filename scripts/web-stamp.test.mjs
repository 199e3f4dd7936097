import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { webBuildNeeded, writeWebStamp } from './web-stamp.mjs';

let root;
function tree() {
  root = mkdtempSync(path.join(tmpdir(), 'pilotage-stamp-'));
  for (const dir of ['apps/web/src', 'apps/web/dist', 'packages/contracts/src']) {
    mkdirSync(path.join(root, dir), { recursive: true });
  }
  writeFileSync(path.join(root, 'apps/web/src/main.tsx'), 'export {};');
  writeFileSync(path.join(root, 'packages/contracts/src/index.ts'), 'export const a = 1;');
  writeFileSync(path.join(root, 'apps/web/dist/index.html'), '<!doctype html>');
}
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('npm start skips the web build when nothing changed', () => {
  it('builds when there is no stamp, not after a stamped build, again after a source change', () => {
    tree();
    expect(webBuildNeeded(root)).toBe(true);
    writeWebStamp(root);
    expect(webBuildNeeded(root)).toBe(false);
    writeFileSync(path.join(root, 'apps/web/src/main.tsx'), 'export const b = 2;');
    expect(webBuildNeeded(root)).toBe(true);
    writeWebStamp(root);
    writeFileSync(path.join(root, 'packages/contracts/src/index.ts'), 'export const a = 2;');
    expect(webBuildNeeded(root)).toBe(true);
  });

  it('builds when dist was removed even though a stamp was once written', () => {
    tree();
    writeWebStamp(root);
    rmSync(path.join(root, 'apps/web/dist/index.html'));
    expect(webBuildNeeded(root)).toBe(true);
  });
});
