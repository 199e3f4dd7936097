import { sql } from 'kysely';
import { buildApp } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import { loadConfig } from './config.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo/accounts.ts';
import { seedDemo } from './demo/index.ts';
import { startAuditSealer } from './modules/audit/index.ts';
import { startIdentityPurge } from './modules/identity/index.ts';
import { startDispatchScheduler, startReminderScheduler } from './modules/notifications/index.ts';
import { startFeedbackJobs } from './modules/feedback/index.ts';
import { startStatusJob } from './modules/tasks/index.ts';

async function main() {
  const config = loadConfig();
  const started = Date.now();
  const { database, services, rootId } = await bootstrap(config);
  if (config.demo) {
    const demo = await seedDemo(database.db, services, rootId);
    console.log(
      demo.seeded
        ? `Demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}`
        : 'Demo data skipped: the database already has users (demo data is only created on an empty database)',
    );
  }
  // PGlite has no autovacuum: refresh the planner's statistics at start (cheap; the plans of the scoped
  // semi-joins depend on them at national size)
  if (database.kind === 'pglite') await sql`analyze`.execute(database.db);
  const app = await buildApp({ config, services, logger: true });
  let closing = false;
  let stopReminders: () => Promise<void> = () => Promise.resolve();
  const log = (message: string, detail?: unknown) => app.log.info({ detail }, message);
  if (services.audit.anchor)
    services.audit.anchor.onCheckpoint = (c) => app.log.info({ auditCheckpoint: c }, 'audit checkpoint');
  const stopSealer = startAuditSealer(services.audit, {
    intervalSeconds: config.auditSealIntervalSeconds,
    log,
  });
  const stopPurge = startIdentityPurge(services.auth, { log });
  const stopFeedbackJobs = startFeedbackJobs(services.feedback.jobs, { log });
  let stopDispatch: () => Promise<void> = () => Promise.resolve();
  let stopStatusJob: () => Promise<void> = () => Promise.resolve();
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await stopReminders();
    stopPurge();
    stopFeedbackJobs();
    await stopStatusJob();
    await app.close();
    await stopDispatch();
    services.notifications.mail.close?.();
    await stopSealer(); // seals what the last requests and events recorded
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  stopStatusJob = startStatusJob(database.db, {
    intervalSeconds: config.statusJobIntervalSeconds,
    log: (message, detail) => app.log.info({ detail }, message),
  });
  stopReminders = startReminderScheduler(services.notifications.reminders, {
    intervalMinutes: config.dispatch.reminderIntervalMinutes,
    log: (message, detail) => app.log.info({ detail }, message),
  });
  stopDispatch = startDispatchScheduler(() => services.notifications.dispatchOnce(), {
    intervalMs: config.dispatch.intervalMs,
    log: (message, detail) => app.log.warn({ detail }, message),
  });
  console.log(
    `Pilotage ready on http://${config.host}:${config.port} (${database.kind}, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
