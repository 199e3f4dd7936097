import { it } from 'vitest';
import { systemContext } from '../src/http/context.ts';
import { createTestEnv } from './harness.ts';
import { signedIn } from './factories.ts';
import { createProgramme, createTask } from './tasks-factories.ts';
it('bench', async () => {
  const env = await createTestEnv();
  const ctx = systemContext(env.rootId);
  const programme = await createProgramme(env);
  let t = Date.now();
  for (let i = 0; i < 2; i++) {
    const task = await createTask(env, programme.id, { deadline: '2025-06-30' });
    await env.services.tasks.assignments.assign(ctx, task.id, { allOfKind: 'province' });
    const rows = await env.database.db.selectFrom('assignment').select('id').where('task_id', '=', task.id).execute();
    for (const r of rows) await env.services.tasks.assignments.cascade(ctx, r.id, { allChildren: true });
  }
  const n = await env.database.db.selectFrom('assignment').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  console.log('assignments', n, 'setup ms', Date.now() - t);
  t = Date.now();
  const r = await env.services.reporting.reminders.runReminders('2025-06-25');
  console.log('runReminders ms', Date.now() - t, r.created, r.assignmentsChecked);
  t = Date.now();
  const r2 = await env.services.reporting.reminders.runReminders('2025-06-25', { force: true });
  console.log('runReminders again ms', Date.now() - t, r2.created);
  const { client } = await signedIn(env, 'BCDCP', ['steering']);
  t = Date.now();
  const c = await client.get(`/api/reporting/completeness?programmeId=${programme.id}&period=2025-06`);
  console.log('completeness ms', Date.now() - t, c.json().items.length, c.json().totals);
  const { client: commune } = await signedIn(env, '10101003', ['officer']);
  t = Date.now();
  const l = await commune.get('/api/notifications');
  console.log('notifications list ms', Date.now() - t, l.json().total);
  await env.close();
}, 600_000);
