import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDate, useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { ProgressValue } from '../tasks/StatusBadge.tsx';
import { formatPeriod } from './period.ts';
import { ReportStatusBadge } from './ReportStatusBadge.tsx';
import { shownPeriods } from './period-rows.ts';
import { useAssignmentReports } from './reports.ts';
import { withAsOf } from '../tasks/as-of.ts';

/**
 * An assignment's reporting periods as of the page's date, each with its report (or "missing" once due),
 * latest first. Periods with a report or a missing one are always shown (period-rows.ts).
 */
export function AssignmentReports({
  assignmentId,
  canReport,
  asOf,
}: {
  assignmentId: string;
  canReport: boolean;
  asOf?: string | undefined;
}) {
  const t = useT();
  const [lang] = useLang();
  const { data, error } = useAssignmentReports(assignmentId, asOf);
  const [all, setAll] = useState(false);
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <Loading />;
  const byId = new Map(data.items.map((r) => [r.id, r]));
  const collapsed = shownPeriods(data.periods, false);
  const shown = all ? data.periods : collapsed.shown;
  return (
    <section aria-labelledby="reports-title">
      <h2 id="reports-title">{t('report.listTitle')}</h2>
      <div className="table-wrap" role="region" aria-labelledby="reports-title" tabIndex={0}>
        <table className="table table-stack" data-testid="report-table">
          <thead>
            <tr>
              <th scope="col">{t('report.period')}</th>
              <th scope="col">{t('report.dueOn')}</th>
              <th scope="col">{t('report.progress')}</th>
              <th scope="col">{t('common.status')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => {
              const report = p.reportId ? byId.get(p.reportId) : undefined;
              return (
                <tr key={p.period}>
                  <td data-label={t('report.period')}>
                    {p.reportId ? (
                      <Link to={withAsOf(`/reports/${p.reportId}`, asOf)}>{formatPeriod(t, p.period)}</Link>
                    ) : (
                      formatPeriod(t, p.period)
                    )}
                  </td>
                  <td className="nowrap" data-label={t('report.dueOn')}>
                    {formatDate(lang, p.dueOn)}
                  </td>
                  <td data-label={t('report.progress')}>
                    {report ? <ProgressValue value={report.progress} /> : '—'}
                  </td>
                  <td data-label={t('common.status')}>
                    <span>
                      {p.status ? (
                        <ReportStatusBadge status={p.status} />
                      ) : p.missing ? (
                        <span className="text-danger">{t('report.missing')}</span>
                      ) : (
                        <span className="muted">{t('report.notYet')}</span>
                      )}
                      {canReport && (!p.status || p.status === 'draft' || p.status === 'returned') && (
                        <>
                          {' '}
                          <Link
                            to={`/assignments/${assignmentId}/report?period=${p.period}`}
                            className="small"
                          >
                            {p.status ? t('report.continue') : t('report.write')}
                          </Link>
                        </>
                      )}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {collapsed.hidden > 0 && (
        <button
          type="button"
          className="button button-secondary"
          aria-expanded={all}
          onClick={() => setAll(!all)}
        >
          {all ? t('reporting.collapse') : t('report.showAllPeriods', { count: data.periods.length })}
        </button>
      )}
    </section>
  );
}
