import type { TaskCategory, TaskListQuery, TaskStatus } from '@pilotage/contracts';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { useOrgUnit } from '../org/org.ts';
import { TaskFilters, type TaskFilterValues } from './TaskFilters.tsx';
import { TaskTable } from './TaskTable.tsx';
import { todayIso, useProgrammes, useTaskList } from './tasks.ts';
import './tasks.css';

const PAGE = 25;
const KEYS = [
  'programmeId',
  'status',
  'unitId',
  'category',
  'q',
  'deadlineFrom',
  'deadlineTo',
  'asOf',
] as const;

/** `/tasks?…`: the tasks of the caller's scope, filtered; the filters live in the URL (shareable links). */
export function TaskListPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const programmes = useProgrammes();
  const values = Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? ''])) as unknown as TaskFilterValues;
  const programmeId = values.programmeId || programmes.data?.items[0]?.id || '';
  const asOf = values.asOf || todayIso();
  const offset = Number(params.get('offset') ?? 0) || 0;
  const unit = useOrgUnit(values.unitId || undefined);
  usePageTitle(t('tasks.listTitle'));

  const query: Partial<TaskListQuery> = {
    programmeId: programmeId || undefined,
    status: values.status && values.status !== 'at_risk' ? (values.status as TaskStatus) : undefined,
    atRisk: values.status === 'at_risk' ? 'true' : undefined,
    unitId: values.unitId || undefined,
    category: (values.category as TaskCategory) || undefined,
    q: values.q || undefined,
    deadlineFrom: values.deadlineFrom || undefined,
    deadlineTo: values.deadlineTo || undefined,
    asOf,
    limit: PAGE,
    offset,
  };
  const tasks = useTaskList(query, !!programmes.data);

  const update = (patch: Partial<TaskFilterValues> & { offset?: string }) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('offset' in patch)) next.delete('offset');
    setParams(next, { replace: true });
  };

  if (programmes.error)
    return <ErrorNotice error={programmes.error} onRetry={() => void programmes.refetch()} />;
  if (!programmes.data) return <Loading />;
  return (
    <>
      <h1>{t('tasks.listTitle')}</h1>
      <TaskFilters
        values={{ ...values, programmeId, asOf }}
        programmes={programmes.data.items}
        unit={values.unitId ? (unit.data ?? null) : null}
        onChange={update}
        onReset={() => setParams(programmeId ? { programmeId } : {}, { replace: true })}
      />
      {tasks.error && <ErrorNotice error={tasks.error} onRetry={() => void tasks.refetch()} />}
      {!tasks.data && !tasks.error && <Loading />}
      {tasks.data && (
        <section aria-labelledby="task-results">
          <h2 id="task-results" aria-live="polite">
            {t('tasks.results', { count: tasks.data.total })}
          </h2>
          {tasks.data.items.length === 0 ? (
            <p>{t('tasks.noResults')}</p>
          ) : (
            <TaskTable
              tasks={tasks.data.items}
              caption={t('tasks.listTitle')}
              asOf={values.asOf || undefined}
            />
          )}
          <Pagination
            offset={offset}
            limit={PAGE}
            total={tasks.data.total}
            onChange={(o) => update({ offset: String(o) })}
          />
        </section>
      )}
    </>
  );
}
