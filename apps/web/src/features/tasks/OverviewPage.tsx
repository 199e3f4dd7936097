import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { formatDate, useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { Downloads } from '../task-io/Downloads.tsx';
import { ProgrammeControls } from './ProgrammeControls.tsx';
import { StatusDistribution } from './StatusDistribution.tsx';
import { useProgrammeDashboard } from '../home/home.ts';
import { OverdueList } from './OverdueList.tsx';
import { OverviewCharts } from './OverviewCharts.tsx';
import { UnitStatusTable } from './UnitStatusTable.tsx';
import { todayIso, useProgrammes, useSummary } from './tasks.ts';
import './overview.css';
import './tasks.css';

/**
 * The steering overview of one programme as of a date (`/programmes/:id?asOf=`): status distribution,
 * overdue work (most days overdue first, with the responsible leader), charts (completion trend, overdue by
 * ministry and by province), status by unit (a province: its communes). Every number links down: programme → tasks → task → assignments → reports.
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
  const dashboard = useProgrammeDashboard(id, asOf);
  const overdue = dashboard.data?.overdue;
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
              {t('overview.overdueTitle')} {overdue && <span className="count">({overdue.total})</span>}
            </h2>
            {dashboard.error && <ErrorNotice error={dashboard.error} />}
            {!overdue && !dashboard.error && <Loading />}
            {overdue &&
              (overdue.items.length === 0 ? (
                <p>{t('tasks.noOverdue')}</p>
              ) : (
                <>
                  <p className="muted">{t('overview.overdueNote')}</p>
                  <OverdueList items={overdue.items} asOf={asOf} />
                </>
              ))}
            {overdue && overdue.total > overdue.items.length && (
              <p>
                <Link to={listLink({ status: 'overdue' })}>{t('overview.seeAllOverdue')}</Link>
              </p>
            )}
          </section>
          <OverviewCharts summary={summary.data} dashboard={dashboard.data} />
          {dashboard.data && dashboard.data.subUnits.length > 0 && (
            <UnitStatusTable
              id="sub-units"
              title={t('overview.subUnitsTitle')}
              rows={dashboard.data.subUnits}
              linkFor={(unitId) => listLink({ unitId })}
            />
          )}
          <UnitStatusTable rows={summary.data.byUnit} linkFor={(unitId) => listLink({ unitId })} />
          <Downloads programmeId={id} asOf={asOf} />
        </>
      )}
    </>
  );
}
