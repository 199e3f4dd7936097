import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Debian's pgbouncer binary (apt-get install pgbouncer), or PGBOUNCER_BIN. */
export function findPgBouncer(): string | undefined {
  for (const file of [process.env.PGBOUNCER_BIN, '/usr/sbin/pgbouncer', '/usr/bin/pgbouncer']) {
    if (!file) continue;
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // next
    }
  }
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const userExists = (name: string) => spawnSync('id', ['-u', name], { stdio: 'ignore' }).status === 0;

async function waitForPort(port: number, child: ChildProcess, log: string, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) break;
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  let text = '';
  try {
    text = readFileSync(log, 'utf8');
  } catch {
    // no log
  }
  throw new Error(`pgbouncer did not start (exit ${child.exitCode}):\n${text}`);
}

export interface PgBouncer {
  /** `postgres://user@127.0.0.1:<port>/<database>` through the pooler. */
  urlFor(database: string): string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts PgBouncer in TRANSACTION pooling mode in front of `serverUrl` (the test cluster, trust auth on
 * loopback): ini and userlist in a temp dir, a free port, `poolSize` server connections per database (small on
 * purpose: client connections are multiplexed, so anything that relied on session state would break).
 * PgBouncer refuses to run as root: then it runs as the cluster's unprivileged user.
 */
export async function startPgBouncer(serverUrl: string, poolSize = 4): Promise<PgBouncer> {
  const bin = findPgBouncer();
  if (!bin) throw new Error('pgbouncer not found (apt-get install pgbouncer)');
  const server = new URL(serverUrl);
  const user = decodeURIComponent(server.username || 'postgres');
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'pilotage-pgbouncer-'));
  chmodSync(dir, 0o777);
  const ini = path.join(dir, 'pgbouncer.ini');
  const log = path.join(dir, 'pgbouncer.log');
  // clients are trusted on loopback; the password (if the server wants one) is what PgBouncer logs in with
  const password = decodeURIComponent(server.password).replace(/"/g, '""');
  writeFileSync(path.join(dir, 'userlist.txt'), `"${user}" "${password}"\n`);
  writeFileSync(
    ini,
    [
      '[databases]',
      `* = host=${server.hostname} port=${server.port || 5432}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${path.join(dir, 'userlist.txt')}`,
      'pool_mode = transaction',
      `default_pool_size = ${poolSize}`,
      'max_client_conn = 500',
      'ignore_startup_parameters = extra_float_digits,options',
      `logfile = ${log}`,
      `pidfile = ${path.join(dir, 'pgbouncer.pid')}`,
      '',
    ].join('\n'),
  );
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const runAs =
    process.env.PG_TEST_USER ??
    (userExists('postgres') ? 'postgres' : userExists('pilotage-pg') ? 'pilotage-pg' : '');
  const [cmd, args] = isRoot && runAs ? ['runuser', ['-u', runAs, '--', bin, ini]] : [bin, [ini]];
  const child = spawn(cmd, args, { stdio: 'ignore' });
  await waitForPort(port, child, log);
  return {
    port,
    urlFor: (database) => `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/${database}`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        try {
          // through runuser the pid file names pgbouncer itself; SIGINT = safe shutdown
          process.kill(Number(readFileSync(path.join(dir, 'pgbouncer.pid'), 'utf8').trim()), 'SIGINT');
        } catch {
          child.kill('SIGINT');
        }
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
