// Throwaway PostgreSQL cluster for tests: initdb in a temp dir, start on a free 127.0.0.1 port, stop and delete.
//
//   import { findPgBin, startCluster } from './pg-cluster.mjs';
//   const cluster = await startCluster();   // { url, port, dir, stop(), stopSync() }
//
// CLI: `node scripts/pg-cluster.mjs [-- command args...]` starts a cluster, prints its URL and either runs the
// command with TEST_DATABASE_URL set (then stops) or waits for Ctrl-C.
//
// PostgreSQL refuses to run as root: when we are root, the cluster belongs to an unprivileged system user
// (`postgres` when it exists, else `pilotage-pg`, created on first use) and its commands run through runuser/su.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  accessSync,
  appendFileSync,
  chmodSync,
  constants,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/** The directory holding initdb, pg_ctl and postgres, or undefined. PG_BIN overrides the search. */
export function findPgBin() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const initdb = onPath('initdb');
  if (initdb) candidates.push(path.dirname(realpathSync(initdb)), path.dirname(initdb));
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(path.join(root, v, 'bin'));
  }
  return candidates.find((dir) =>
    ['initdb', 'pg_ctl', 'postgres'].every((b) => isExecutable(path.join(dir, b))),
  );
}

function userExists(name) {
  return spawnSync('id', ['-u', name], { stdio: 'ignore' }).status === 0;
}

/** The unprivileged account that owns the cluster when we run as root. */
function clusterUser() {
  if (process.env.PG_TEST_USER) return process.env.PG_TEST_USER;
  if (userExists('postgres')) return 'postgres';
  const name = 'pilotage-pg';
  if (!userExists(name)) {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', name], {
      stdio: 'inherit',
    });
  }
  return name;
}

const shellQuote = (s) => `'${String(s).replaceAll("'", `'\\''`)}'`;

/** argv that runs `file args` as `user` (or directly when we are not root). */
function asUser(user, file, args) {
  if (!user) return [file, args];
  if (onPath('runuser')) return ['runuser', ['-u', user, '--', file, ...args]];
  return ['su', ['-s', '/bin/sh', user, '-c', [file, ...args].map(shellQuote).join(' ')]];
}

function run(user, file, args, { quiet = false } = {}) {
  const [cmd, argv] = asUser(user, file, args);
  const res = spawnSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (res.status !== 0) {
    const out = `${res.stdout ?? ''}${res.stderr ?? ''}${res.error ? String(res.error) : ''}`.trim();
    throw new Error(`${path.basename(file)} failed (exit ${res.status ?? res.signal}):\n${out}`);
  }
  if (!quiet && res.stderr?.trim()) process.stderr.write(res.stderr);
  return res.stdout;
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Creates and starts a cluster. Resolves to { url, port, dir, stop, stopSync }; `url` points at the
 * `postgres` maintenance database as superuser `postgres` (trust auth, loopback only).
 */
export async function startCluster({ bin = findPgBin(), log = (msg) => console.log(msg) } = {}) {
  if (!bin) throw new Error('PostgreSQL server binaries (initdb, pg_ctl, postgres) not found');
  const user = isRoot ? clusterUser() : undefined;
  const dir = mkdtempSync(path.join(isRoot ? '/tmp' : tmpdir(), 'pilotage-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  let started = false;

  const stopSync = () => {
    if (started && existsSync(path.join(dataDir, 'postmaster.pid'))) {
      const [cmd, argv] = asUser(user, path.join(bin, 'pg_ctl'), [
        '-D',
        dataDir,
        '-m',
        'immediate',
        '-w',
        '-t',
        '20',
        'stop',
      ]);
      const res = spawnSync(cmd, argv, { stdio: 'ignore' });
      if (res.status !== 0) killPostmaster(dataDir);
    }
    started = false;
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    if (user) execFileSync('chown', [user, dir]);
    chmodSync(dir, 0o700);
    const t0 = Date.now();
    run(
      user,
      path.join(bin, 'initdb'),
      ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'],
      {
        quiet: true,
      },
    );
    appendFileSync(
      path.join(dataDir, 'postgresql.conf'),
      [
        '',
        '# pilotage throwaway test cluster',
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        'shared_buffers = 32MB',
        'max_connections = 100',
        "log_min_messages = 'warning'",
        '',
      ].join('\n'),
    );
    // The port is picked just before start; retry if another process grabbed it in between.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      try {
        started = true;
        run(
          user,
          path.join(bin, 'pg_ctl'),
          ['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', `-p ${port}`, 'start'],
          {
            quiet: true,
          },
        );
        const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
        log(
          `PostgreSQL ${versionOf(bin)} throwaway cluster on 127.0.0.1:${port} in ${dir} (${Date.now() - t0} ms)`,
        );
        return {
          url,
          port,
          dir,
          stopSync,
          async stop() {
            stopSync();
            log(`PostgreSQL cluster on port ${port} stopped and ${dir} deleted`);
          },
        };
      } catch (err) {
        started = existsSync(path.join(dataDir, 'postmaster.pid'));
        if (attempt >= 3) {
          const tail = existsSync(logFile)
            ? readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n')
            : '';
          throw new Error(`${err instanceof Error ? err.message : String(err)}\n${tail}`);
        }
      }
    }
  } catch (err) {
    stopSync();
    throw err;
  }
}

function versionOf(bin) {
  const res = spawnSync(path.join(bin, 'postgres'), ['--version'], { encoding: 'utf8' });
  return (res.stdout ?? '').trim().replace(/^postgres \(PostgreSQL\) /, '');
}

function killPostmaster(dataDir) {
  try {
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (pid > 0) process.kill(pid, 'SIGQUIT');
  } catch {
    // already gone
  }
}

// CLI
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sep = process.argv.indexOf('--');
  const command = sep >= 0 ? process.argv.slice(sep + 1) : [];
  const cluster = await startCluster();
  const cleanup = () => cluster.stopSync();
  process.on('exit', cleanup);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => process.exit(130));
  console.log(`TEST_DATABASE_URL=${cluster.url}`);
  if (command.length > 0) {
    const [cmd = '', ...args] = command;
    const child = spawn(cmd, args, {
      stdio: 'inherit',
      env: { ...process.env, TEST_DATABASE_URL: cluster.url },
    });
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  } else {
    console.log('Press Ctrl-C to stop and delete the cluster.');
    setInterval(() => {}, 1 << 30);
  }
}
