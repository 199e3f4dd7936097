/** HTTP helpers of `bench:national`: demo sessions and the freshness probe (accept → national summary). */
import type { Db } from '../src/db/database.ts';
import { newId } from '../src/db/ids.ts';
import { todayVn } from '../src/modules/tasks/reporting-period.ts';

export interface Session {
  cookie: string;
  csrf: string;
}

export async function session(base: string, username: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'pilotage-demo' }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const me = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: me.csrfToken };
}

async function call(base: string, s: Session, method: string, url: string, body?: unknown) {
  const res = await fetch(base + url, {
    method,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 400) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return text ? (JSON.parse(text) as unknown) : null;
}

interface Summary {
  byUnit: { unitId: string; byStatus: { done_on_time: number; done_late: number } }[];
}
const doneOf = (s: Summary, unitId: string) => {
  const u = s.byUnit.find((x) => x.unitId === unitId);
  return u ? u.byStatus.done_on_time + u.byStatus.done_late : 0;
};

/**
 * Hà Nội's lead submits a completion report on one of its national assignments, steering accepts it, and
 * the national summary is read until Hà Nội's done count moves: requests needed and time after accept.
 */
export async function freshness(base: string, programmeId: string, db: Db) {
  const hanoi = await db
    .selectFrom('org_unit')
    .select('id')
    .where('code', '=', '01')
    .executeTakeFirstOrThrow();
  const target = await db
    .selectFrom('assignment as a')
    .innerJoin('task as t', 't.id', 'a.task_id')
    .select('a.id')
    .where('t.programme_id', '=', programmeId)
    .where('a.unit_id', '=', hanoi.id)
    .where('t.is_continuous', '=', false)
    .where('a.completed_on', 'is', null)
    .executeTakeFirstOrThrow();
  const lead = await session(base, 'province.lead');
  const steering = await session(base, 'steering');
  const summaryUrl = `/api/programmes/${programmeId}/summary`;
  const before = doneOf((await call(base, steering, 'GET', summaryUrl)) as Summary, hanoi.id);
  const reportId = newId();
  await call(base, lead, 'PUT', `/api/reports/${reportId}`, {
    assignmentId: target.id,
    period: todayVn().slice(0, 7),
    progress: 100,
    narrative: 'Hoàn thành (benchmark)',
    completedOn: todayVn(),
  });
  await call(base, lead, 'POST', `/api/reports/${reportId}/submit`);
  const t = performance.now();
  await call(base, steering, 'POST', `/api/reports/${reportId}/accept`);
  const acceptMs = Math.round(performance.now() - t);
  let requestsUntilVisible = 0;
  for (let i = 1; i <= 50; i++) {
    const now = doneOf((await call(base, steering, 'GET', summaryUrl)) as Summary, hanoi.id);
    if (now > before) {
      requestsUntilVisible = i;
      break;
    }
  }
  return { acceptMs, requestsUntilVisible, visibleAfterMs: Math.round(performance.now() - t) };
}
