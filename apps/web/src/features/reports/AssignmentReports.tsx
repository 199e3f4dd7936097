import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDate, useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { ProgressValue } from '../tasks/StatusBadge.tsx';
import { formatPeriod } from './period.ts';
import { ReportStatusBadge } from './ReportStatusBadge.tsx';
import { useAssignmentReports } from './reports.ts';

/** Periods shown before "show all" (latest first). */
const SHOWN = 6;

/** An assignment's reporting periods, each with its report (or "missing" once due), latest first. */
export function AssignmentReports({ assignmentId, canReport }: { assignmentId: string; canReport: boolean }) {
  const t = useT();
  const [lang] = useLang();
  const { data, error } = useAssignmentReports(assignmentId);
  const [all, setAll] = useState(false);
  if (error) return <ErrorNotice error={error} />;
  if (!data) return <Loading />;
  const byId = new Map(data.items.map((r) => [r.id, r]));
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
            {(all ? data.periods : data.periods.slice(0, SHOWN)).map((p) => {
              const report = p.reportId ? byId.get(p.reportId) : undefined;
              return (
                <tr key={p.period}>
                  <td data-label={t('report.period')}>
                    {p.reportId ? (
                      <Link to={`/reports/${p.reportId}`}>{formatPeriod(t, p.period)}</Link>
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
      {data.periods.length > SHOWN && (
        <button
          type="button"
          className="button button-secondary"
          aria-expanded={all}
          onClick={() => setAll(!all)}
        >
          {all
            ? t('report.showRecent', { count: SHOWN })
            : t('report.showAllPeriods', { count: data.periods.length })}
        </button>
      )}
    </section>
  );
}
