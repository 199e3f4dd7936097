import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { formatDate, useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { Downloads } from '../task-io/Downloads.tsx';
import { ProgrammeControls } from './ProgrammeControls.tsx';
import { StatusDistribution } from './StatusDistribution.tsx';
import { TaskTable } from './TaskTable.tsx';
import { UnitStatusTable } from './UnitStatusTable.tsx';
import { todayIso, useProgrammes, useSummary, useTaskList } from './tasks.ts';
import './tasks.css';

const OVERDUE_SHOWN = 10;

/**
 * The steering overview of one programme as of a date (`/programmes/:id?asOf=`): status distribution,
 * status by unit, overdue tasks. Every number links down: programme → tasks → task → assignments → reports.
 * `/programmes` opens the first programme of the list.
 */
export function OverviewPage() {
  const t = useT();
  const [lang] = useLang();
  const { id } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') || todayIso();
  const programmes = useProgrammes();
  const summary = useSummary(id, asOf);
  const overdue = useTaskList({ programmeId: id, status: 'overdue', asOf, limit: OVERDUE_SHOWN }, !!id);
  usePageTitle(t('tasks.overviewTitle'));

  if (programmes.error)
    return <ErrorNotice error={programmes.error} onRetry={() => void programmes.refetch()} />;
  if (!programmes.data) return <Loading />;
  const list = programmes.data.items;
  if (!id) {
    if (list[0])
      return (
        <Navigate to={`/programmes/${list[0].id}${params.size ? `?${params.toString()}` : ''}`} replace />
      );
    return (
      <>
        <h1>{t('tasks.overviewTitle')}</h1>
        <p>{t('programme.none')}</p>
      </>
    );
  }
  const programme = list.find((p) => p.id === id);
  const listLink = (extra: Record<string, string>) =>
    `/tasks?${new URLSearchParams({ programmeId: id, asOf, ...extra }).toString()}`;

  return (
    <>
      <h1>{t('tasks.overviewTitle')}</h1>
      {programme && (
        <p className="lead">
          {programme.title}
          {programme.document && <span className="muted"> · {programme.document.code}</span>}
        </p>
      )}
      <ProgrammeControls
        programmes={list}
        programmeId={id}
        onProgramme={(next) => void navigate(`/programmes/${next}?asOf=${asOf}`)}
        asOf={asOf}
        onAsOf={(next) => setParams({ asOf: next }, { replace: true })}
      />
      {summary.error && <ErrorNotice error={summary.error} onRetry={() => void summary.refetch()} />}
      {!summary.data && !summary.error && <Loading />}
      {summary.data && (
        <>
          <p className="muted" aria-live="polite">
            {t('tasks.asOfLine', { date: formatDate(lang, summary.data.asOf) })}
          </p>
          <StatusDistribution
            total={summary.data.total}
            completed={summary.data.completed}
            byStatus={summary.data.byStatus}
            atRisk={summary.data.atRisk}
            linkFor={(s) => listLink(s === 'at_risk' ? { atRisk: 'true' } : { status: s })}
          />
          <p className="summary-links">
            <Link to={listLink({})}>{t('tasks.allTasks', { count: summary.data.total })}</Link>
            <Link to={`/programmes/${id}/review?asOf=${asOf}`}>{t('programme.reviewTitle')}</Link>
          </p>
          <section aria-labelledby="overdue-title">
            <h2 id="overdue-title">
              {t('tasks.overdueList')} <span className="count">({summary.data.byStatus.overdue})</span>
            </h2>
            {overdue.error && <ErrorNotice error={overdue.error} />}
            {!overdue.data && !overdue.error && <Loading />}
            {overdue.data &&
              (overdue.data.items.length === 0 ? (
                <p>{t('tasks.noOverdue')}</p>
              ) : (
                <TaskTable tasks={overdue.data.items} caption={t('tasks.overdueList')} asOf={asOf} />
              ))}
            {overdue.data && overdue.data.total > OVERDUE_SHOWN && (
              <p>
                <Link to={listLink({ status: 'overdue' })}>
                  {t('tasks.seeAll', { count: overdue.data.total })}
                </Link>
              </p>
            )}
          </section>
          <UnitStatusTable rows={summary.data.byUnit} linkFor={(unitId) => listLink({ unitId })} />
          <Downloads programmeId={id} asOf={asOf} />
        </>
      )}
    </>
  );
}
