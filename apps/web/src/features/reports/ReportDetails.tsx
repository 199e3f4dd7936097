import type { ProgressReport } from '@pilotage/contracts';
import type { ReactNode } from 'react';
import { formatDate, formatDateTime, useLang, useT } from '../../i18n/index.tsx';
import { ProgressValue } from '../tasks/StatusBadge.tsx';
import { formatSize } from './EvidenceField.tsx';
import { formatPeriod } from './period.ts';
import { ReportStatusBadge } from './ReportStatusBadge.tsx';

/** What a report says, and who did what with it when. */
export function ReportDetails({ report, compact = false }: { report: ProgressReport; compact?: boolean }) {
  const t = useT();
  const [lang] = useLang();
  const fact = (label: string, value: ReactNode) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  const text = (label: string, value: string | null) =>
    value ? (
      <div className="report-text">
        <h4>{label}</h4>
        <p className="prewrap">{value}</p>
      </div>
    ) : null;
  return (
    <div className="report-details">
      <dl className="facts facts-aligned">
        {fact(t('report.period'), formatPeriod(t, report.period))}
        {fact(t('common.status'), <ReportStatusBadge status={report.status} />)}
        {fact(t('report.progress'), <ProgressValue value={report.progress} />)}
        {report.product && fact(t('report.product'), report.product)}
        {report.completedOn && fact(t('report.completedOn'), formatDate(lang, report.completedOn))}
        {report.submittedAt &&
          fact(
            t('report.submittedAt'),
            `${formatDateTime(lang, report.submittedAt)}${report.submittedByName ? ` · ${report.submittedByName}` : ''}${
              report.onTime === false ? ` · ${t('report.late')}` : ''
            }`,
          )}
        {!compact &&
          report.approvedAt &&
          fact(t('report.approvedBy'), byAt(report.approvedByName, formatDateTime(lang, report.approvedAt)))}
        {!compact &&
          report.reviewedAt &&
          fact(t('report.reviewedBy'), byAt(report.reviewedByName, formatDateTime(lang, report.reviewedAt)))}
        {fact(t('report.dueOn'), formatDate(lang, report.dueOn))}
      </dl>
      {text(t('report.narrative'), report.narrative)}
      {text(t('report.difficulties'), report.difficulties)}
      {text(t('report.proposals'), report.proposals)}
      {report.returnReason && text(t('report.returnedBecause'), report.returnReason)}
      {report.evidence.length > 0 && (
        <div className="report-text">
          <h4>{t('report.evidence')}</h4>
          <ul className="evidence-list">
            {report.evidence.map((e) => (
              <li key={e.id}>
                <a href={e.downloadUrl} download>
                  {e.filename}
                </a>{' '}
                <span className="muted">({formatSize(lang, e.sizeBytes)})</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** "Name · time", or the time alone when nobody is named (never a dangling "· "). */
const byAt = (name: string | null, time: string) => (name ? `${name} · ${time}` : time);
