import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface ServerProcess {
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  stop(): Promise<number | null>;
}

/**
 * Starts `apps/server/src/main.ts` (what `npm run serve` runs) as a child process with `env` on top of a
 * clean environment, and resolves once it prints "Pilotage ready".
 */
export async function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<ServerProcess> {
  const base = { ...process.env };
  for (const k of Object.keys(base)) if (k.startsWith('VITEST') || k === 'TEST_DATABASE_URL') delete base[k];
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: ROOT,
    env: { ...base, LOG_LEVEL: 'warn', PILOTAGE_WEB_DIST: '/nonexistent', PILOTAGE_DEMO: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const until = Date.now() + timeoutMs;
  while (!out.includes('Pilotage ready')) {
    if (child.exitCode !== null || Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`server process did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    output: () => out,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
