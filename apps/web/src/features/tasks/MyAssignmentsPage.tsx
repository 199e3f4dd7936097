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
import './tasks.css';

const PAGE = 20;
const DUE_SOON_DAYS = 14;
type View = 'all' | 'overdue' | 'soon';

/**
 * `/my` — "Nhiệm vụ của tôi": the caller's unit's assignments. Three views (all, overdue, due within 14
 * days: a deadline or a report falling due) with their counts up front, so what needs attention is one tap
 * away on a phone; each card lists missing periods and returned reports with a link to the form.
 */
export function MyAssignmentsPage() {
  const t = useT();
  const me = useMe();
  const nameOf = useUnitName();
  const asOf = todayIso();
  const [view, setView] = useState<View>('all');
  const [status, setStatus] = useState<TaskStatus | ''>('');
  const [offset, setOffset] = useState(0);
  const overdue = useAssignments({ mine: 'true', status: 'overdue', asOf, limit: 100 });
  const dueSoon = useAssignments({ mine: 'true', dueWithinDays: DUE_SOON_DAYS, asOf, limit: 100 });
  const all = useAssignments({ mine: 'true', asOf, status: status || undefined, limit: PAGE, offset });
  usePageTitle(t('tasks.myTitle'));
  // the server says what is due soon: an unfinished deadline or a report falling due (issue 8, bug 6)
  const soon = dueSoon.data?.items ?? [];

  const views: { id: View; label: string }[] = [
    { id: 'all', label: t('tasks.myViewAll', { count: all.data && !status ? all.data.total : '…' }) },
    { id: 'overdue', label: t('tasks.myOverdue', { count: overdue.data?.total ?? '…' }) },
    {
      id: 'soon',
      label: t('tasks.myDueSoon', { days: DUE_SOON_DAYS, count: dueSoon.data?.total ?? '…' }),
    },
  ];
  const error = all.error ?? overdue.error ?? dueSoon.error;

  return (
    <>
      <h1>{t('tasks.myTitle')}</h1>
      <p className="muted">{t('tasks.myIntro', { unit: nameOf(me.unit) })}</p>
      <div className="view-switch" role="group" aria-label={t('tasks.myViews')}>
        {views.map((v) => (
          <button
            key={v.id}
            type="button"
            className={`button button-small ${view === v.id ? 'button-primary' : 'button-secondary'}${v.id === 'overdue' ? ' view-overdue' : ''}`}
            aria-pressed={view === v.id}
            onClick={() => setView(v.id)}
          >
            {v.label}
          </button>
        ))}
      </div>
      {error && <ErrorNotice error={error} onRetry={() => void all.refetch()} />}

      {view === 'all' && (
        <section aria-labelledby="my-list">
          <h2 id="my-list" className="visually-hidden">
            {t('tasks.myAll')}
          </h2>
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
          {!all.data && !all.error && <Loading />}
          {all.data &&
            (all.data.items.length === 0 ? (
              <p>{status ? t('tasks.noResults') : t('tasks.myNone')}</p>
            ) : (
              <AssignmentCards items={all.data.items} label={t('tasks.myAll')} />
            ))}
          {all.data && (
            <Pagination offset={offset} limit={PAGE} total={all.data.total} onChange={setOffset} />
          )}
        </section>
      )}
      {view === 'overdue' && (
        <section aria-labelledby="my-list">
          <h2 id="my-list" className="visually-hidden">
            {views[1]!.label}
          </h2>
          {!overdue.data ? (
            <Loading />
          ) : overdue.data.items.length === 0 ? (
            <p>{t('tasks.myNoneOverdue')}</p>
          ) : (
            <AssignmentCards items={overdue.data.items} label={views[1]!.label} />
          )}
        </section>
      )}
      {view === 'soon' && (
        <section aria-labelledby="my-list">
          <h2 id="my-list" className="visually-hidden">
            {views[2]!.label}
          </h2>
          {!dueSoon.data ? (
            <Loading />
          ) : soon.length === 0 ? (
            <p>{t('tasks.myNoneSoon')}</p>
          ) : (
            <AssignmentCards items={soon} label={views[2]!.label} />
          )}
        </section>
      )}
    </>
  );
}
