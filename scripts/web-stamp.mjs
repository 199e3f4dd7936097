// Whether the built web app (apps/web/dist) is current: a hash of everything the Vite build reads, compared
// with the stamp the last build wrote next to its output. Used by `npm start` to skip a needless build.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What the web build reads, relative to the repository root (directories are walked). */
export const WEB_INPUTS = [
  'apps/web/src',
  'apps/web/public',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'apps/web/package.json',
  'apps/web/tsconfig.json',
  'packages/contracts/src',
  'packages/contracts/package.json',
  'package-lock.json',
];
export const STAMP_FILE = '.build-stamp';

function walk(abs, rel, out) {
  if (!existsSync(abs)) return;
  if (statSync(abs).isDirectory()) {
    for (const name of readdirSync(abs).sort()) {
      if (name === 'node_modules' || name === 'dist') continue;
      walk(path.join(abs, name), `${rel}/${name}`, out);
    }
  } else out.push([rel, abs]);
}

/** sha256 over the paths and contents of every web build input. */
export function webSourcesHash(root) {
  const files = [];
  for (const input of WEB_INPUTS) walk(path.join(root, input), input, files);
  const hash = createHash('sha256');
  for (const [rel, abs] of files) {
    hash.update(rel).update('\0').update(readFileSync(abs)).update('\0');
  }
  return hash.digest('hex');
}

export function stampPath(root) {
  return path.join(root, 'apps/web/dist', STAMP_FILE);
}

/** True when there is no build, or the sources changed since the build that wrote the stamp. */
export function webBuildNeeded(root) {
  if (!existsSync(path.join(root, 'apps/web/dist/index.html'))) return true;
  const stamp = stampPath(root);
  if (!existsSync(stamp)) return true;
  return readFileSync(stamp, 'utf8').trim() !== webSourcesHash(root);
}

export function writeWebStamp(root, hash = webSourcesHash(root)) {
  writeFileSync(stampPath(root), `${hash}\n`);
}
