import type { ProgressReport } from '@pilotage/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { formatDate, useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { DeadlineText } from '../tasks/DeadlineText.tsx';
import { StatusBadge } from '../tasks/StatusBadge.tsx';
import { useAssignment } from '../tasks/tasks.ts';
import { EMPTY_VALUES, newReportId, readLocalDraft, type ReportValues } from './localDraft.ts';
import { formatPeriod } from './period.ts';
import { defaultPeriod, startingProgress } from './period-rows.ts';
import { ReportForm } from './ReportForm.tsx';
import { reportKeys, useAssignmentReports, useReport } from './reports.ts';
import { ReportStatusBadge } from './ReportStatusBadge.tsx';
import '../tasks/tasks.css';
import { useUnitName } from '../org/org.ts';

const EDITABLE = new Set(['draft', 'returned']);

function valuesOf(r: ProgressReport): ReportValues {
  return {
    progress: r.progress,
    narrative: r.narrative ?? '',
    difficulties: r.difficulties ?? '',
    proposals: r.proposals ?? '',
    product: r.product ?? '',
    completedOn: r.completedOn ?? '',
  };
}

/** `/assignments/:id/report?period=`: write (or continue) the report of one period of an assignment. */
export function ReportFormPage() {
  const nameOf = useUnitName();
  const t = useT();
  const [lang] = useLang();
  const { id } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const selectId = useId();
  const [params, setParams] = useSearchParams();
  const assignment = useAssignment(id);
  const reports = useAssignmentReports(id);
  usePageTitle(t('report.formTitle'));

  const periods = reports.data?.periods ?? [];
  const period = defaultPeriod(periods, params.get('period'));
  const serverReport = useReport(period?.reportId ?? undefined);
  const local = id && period ? readLocalDraft(id, period.period) : null;
  const [freshId] = useState(newReportId);

  const error = assignment.error ?? reports.error ?? serverReport.error;
  if (error) return <ErrorNotice error={error} onRetry={() => void reports.refetch()} />;
  if (!assignment.data || !reports.data || (period?.reportId && !serverReport.data)) return <Loading />;
  const a = assignment.data;
  const existing = serverReport.data ?? null;
  const reportId = existing?.id ?? local?.id ?? freshId;
  const editable = !existing || (EDITABLE.has(existing.status) && existing.allowedActions.includes('edit'));
  const useLocal =
    local &&
    local.id === reportId &&
    (!existing || Date.parse(local.savedAt) > Date.parse(existing.updatedAt));
  const initial = useLocal
    ? local.values
    : existing
      ? valuesOf(existing)
      : { ...EMPTY_VALUES, progress: period ? startingProgress(reports.data.items, period.periodStart) : 0 };

  return (
    <>
      <nav aria-label={t('tasks.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/my">{t('tasks.myTitle')}</Link>
          </li>
          <li>
            <Link to={`/assignments/${a.id}`}>{a.taskCode}</Link>
          </li>
          <li aria-current="page">{t('report.formTitle')}</li>
        </ol>
      </nav>
      <h1>{t('report.formTitle')}</h1>
      <section className="card report-context" aria-label={t('tasks.task')}>
        <p className="report-task">
          <span className="title-code">{a.taskCode}</span> {a.taskTitle}
        </p>
        <p className="muted">
          {nameOf(a.unit)} · {t('tasks.deadline')}:{' '}
          <DeadlineText
            deadline={a.effectiveDeadline}
            originalDeadline={a.originalDeadline}
            deadlineUsed={a.deadlineUsed}
            isContinuous={a.isContinuous}
          />
        </p>
        <StatusBadge status={a.status} atRisk={a.atRisk} />
      </section>

      {periods.length > 1 && (
        <div className="field">
          <label htmlFor={selectId}>{t('report.period')}</label>
          <select
            id={selectId}
            value={period?.period ?? ''}
            onChange={(e) => setParams({ period: e.target.value }, { replace: true })}
          >
            {periods.map((p) => (
              <option key={p.period} value={p.period}>
                {formatPeriod(t, p.period)}
                {p.status
                  ? ` – ${t(`report.status.${p.status}`)}`
                  : p.missing
                    ? ` – ${t('report.missing')}`
                    : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      {period && (
        <p className="muted">
          {t('report.periodLine', {
            period: formatPeriod(t, period.period),
            due: formatDate(lang, period.dueOn),
          })}
        </p>
      )}
      {existing?.status === 'returned' && existing.returnReason && (
        <div className="notice notice-warning" role="status">
          <p>
            <strong>{t('report.returnedBecause')}</strong> {existing.returnReason}
          </p>
        </div>
      )}

      {!period ? (
        <p>{t('report.noPeriod')}</p>
      ) : editable ? (
        <ReportForm
          key={`${period.period}-${reportId}`}
          assignment={a}
          period={period.period}
          reportId={reportId}
          initial={initial}
          server={existing}
          onSubmitted={(r) => void navigate(`/reports/${r.id}`, { state: { submitted: true } })}
          onEvidenceChanged={(changedId) => {
            void queryClient.invalidateQueries({ queryKey: reportKeys.report(changedId) });
            void queryClient.invalidateQueries({ queryKey: ['reports', 'assignment', a.id] });
          }}
        />
      ) : (
        existing && (
          <div className="notice" role="status">
            <p>
              {t('report.alreadySent')} <ReportStatusBadge status={existing.status} />
            </p>
            <p>
              <Link to={`/reports/${existing.id}`}>{t('report.open')}</Link>
            </p>
          </div>
        )
      )}
    </>
  );
}
