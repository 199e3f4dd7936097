// `node scripts/build-web.mjs` builds the web app and stamps it; with --if-changed it builds only when the
// sources differ from the stamp of the last build (what `npm start` does).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { webBuildNeeded, webSourcesHash, writeWebStamp } from './web-stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv.includes('--if-changed') && !webBuildNeeded(root)) {
  console.log('web app up to date (apps/web/dist matches its sources): no build');
  process.exit(0);
}
const hash = webSourcesHash(root); // taken before the build: an edit during the build forces the next one
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const res = spawnSync(npm, ['run', 'build', '-w', '@pilotage/web'], { cwd: root, stdio: 'inherit' });
if (res.status !== 0) process.exit(res.status ?? 1);
writeWebStamp(root, hash);
