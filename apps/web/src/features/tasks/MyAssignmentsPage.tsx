import type { TaskStatus } from '@pilotage/contracts';
import { useState } from 'react';
import { useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { useMe } from '../identity/session.tsx';
import { useUnitName } from '../org/org.ts';
import { AssignmentCards } from './AssignmentCards.tsx';
import { STATUS_ORDER, todayIso, useAssignments } from './tasks.ts';

const PAGE = 20;
const DUE_SOON_DAYS = 14;

/** `/my` — "Nhiệm vụ của tôi": the caller's unit's assignments; overdue and due soon first. */
export function MyAssignmentsPage() {
  const t = useT();
  const me = useMe();
  const nameOf = useUnitName();
  const asOf = todayIso();
  const [status, setStatus] = useState<TaskStatus | ''>('');
  const [offset, setOffset] = useState(0);
  const overdue = useAssignments({ mine: 'true', status: 'overdue', asOf, limit: 50 });
  const dueSoon = useAssignments({ mine: 'true', dueWithinDays: DUE_SOON_DAYS, asOf, limit: 50 });
  const all = useAssignments({ mine: 'true', asOf, status: status || undefined, limit: PAGE, offset });
  usePageTitle(t('tasks.myTitle'));
  const soon = (dueSoon.data?.items ?? []).filter((a) => a.status === 'in_progress' || a.status === 'not_started');

  return (
    <>
      <h1>{t('tasks.myTitle')}</h1>
      <p className="muted">{t('tasks.myIntro', { unit: nameOf(me.unit) })}</p>
      {overdue.error && <ErrorNotice error={overdue.error} onRetry={() => void overdue.refetch()} />}
      {overdue.data && overdue.data.items.length > 0 && (
        <section aria-labelledby="my-overdue">
          <h2 id="my-overdue" className="text-danger">
            {t('tasks.myOverdue', { count: overdue.data.total })}
          </h2>
          <AssignmentCards items={overdue.data.items} label={t('tasks.myOverdue', { count: overdue.data.total })} />
        </section>
      )}
      {soon.length > 0 && (
        <section aria-labelledby="my-due-soon">
          <h2 id="my-due-soon">{t('tasks.myDueSoon', { days: DUE_SOON_DAYS, count: soon.length })}</h2>
          <AssignmentCards items={soon} label={t('tasks.myDueSoon', { days: DUE_SOON_DAYS, count: soon.length })} />
        </section>
      )}
      <section aria-labelledby="my-all">
        <h2 id="my-all">{t('tasks.myAll')}</h2>
        <div className="field field-inline">
          <label htmlFor="my-status">{t('common.status')}</label>
          <select
            id="my-status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as TaskStatus | '');
              setOffset(0);
            }}
          >
            <option value="">{t('common.all')}</option>
            {STATUS_ORDER.map((s) => (
              <option key={s} value={s}>
                {t(`tasks.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {all.error && <ErrorNotice error={all.error} onRetry={() => void all.refetch()} />}
        {!all.data && !all.error && <Loading />}
        {all.data &&
          (all.data.items.length === 0 ? (
            <p>{t('tasks.myNone')}</p>
          ) : (
            <>
              <p className="muted" aria-live="polite">
                {t('tasks.results', { count: all.data.total })}
              </p>
              <AssignmentCards items={all.data.items} label={t('tasks.myAll')} />
            </>
          ))}
        {all.data && <Pagination offset={offset} limit={PAGE} total={all.data.total} onChange={setOffset} />}
      </section>
    </>
  );
}
