import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import type { OrgUnit } from '@pilotage/contracts';
import { OrgUnitPicker } from '../org/OrgUnitPicker.tsx';
import { useAsOf, withAsOf } from './as-of.ts';
import { AssignmentTable } from './AssignmentTable.tsx';
import { TaskFacts } from './TaskFacts.tsx';
import { TaskTimeline } from './TaskTimeline.tsx';
import { useAssignments, useProgramme, useTask } from './tasks.ts';
import './tasks.css';

const PAGE = 25;

/** `/tasks/:id?asOf=`: a task, its assignments (searchable by unit) and its timeline. */
export function TaskPage() {
  const t = useT();
  const { id } = useParams();
  const asOf = useAsOf();
  const task = useTask(id, asOf);
  const programme = useProgramme(task.data?.programmeId);
  const [unit, setUnit] = useState<OrgUnit | null>(null);
  const [offset, setOffset] = useState(0);
  const assignments = useAssignments(
    { taskId: id, asOf, unitId: unit?.id, rootsOnly: unit ? undefined : 'true', limit: PAGE, offset },
    !!id,
  );
  usePageTitle(task.data ? `${task.data.code} ${task.data.title}` : t('tasks.task'));

  if (task.error) return <ErrorNotice error={task.error} onRetry={() => void task.refetch()} />;
  if (!task.data) return <Loading />;
  const data = task.data;
  const suffix = asOf ? `?asOf=${asOf}` : '';
  return (
    <>
      <nav aria-label={t('tasks.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to={`/programmes/${data.programmeId}${suffix}`}>
              {programme.data?.code ?? t('tasks.overviewTitle')}
            </Link>
          </li>
          <li>
            <Link to={withAsOf(`/tasks?programmeId=${data.programmeId}`, asOf)}>{t('tasks.listTitle')}</Link>
          </li>
          <li aria-current="page">{data.code}</li>
        </ol>
      </nav>
      <h1>
        <span className="title-code">{data.code}</span> {data.title}
      </h1>
      <section className="card" aria-label={t('tasks.details')}>
        <TaskFacts task={data} />
        {data.description && <p className="prewrap">{data.description}</p>}
      </section>
      <section aria-labelledby="assignments-title">
        <h2 id="assignments-title">
          {t('tasks.assignments')} <span className="count">({data.assignmentCount})</span>
        </h2>
        {!unit && assignments.data && assignments.data.total > data.assignmentCount && (
          <p className="muted">
            {t('tasks.withCascades', { direct: data.assignmentCount, total: assignments.data.total })}
          </p>
        )}
        {(data.assignmentCount > 5 || unit) && (
          <div className="field-inline">
            <OrgUnitPicker
              label={t('tasks.findUnit')}
              value={unit}
              onChange={(u) => {
                setUnit(u);
                setOffset(0);
              }}
            />
          </div>
        )}
        {assignments.error && <ErrorNotice error={assignments.error} />}
        {assignments.data &&
          (assignments.data.items.length === 0 ? (
            <p>{t('tasks.noAssignments')}</p>
          ) : (
            <AssignmentTable items={assignments.data.items} caption={t('tasks.assignments')} asOf={asOf} />
          ))}
        {assignments.data && (
          <Pagination offset={offset} limit={PAGE} total={assignments.data.total} onChange={setOffset} />
        )}
      </section>
      <TaskTimeline assignments={assignments.data?.items ?? []} />
    </>
  );
}
