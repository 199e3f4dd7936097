import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading, SuccessNotice } from '../../ui/ErrorNotice.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { useAsOf, withAsOf } from '../tasks/as-of.ts';
import { NextReport } from './NextReport.tsx';
import { ReportActions } from './ReportActions.tsx';
import { ReportDetails } from './ReportDetails.tsx';
import { useReport } from './reports.ts';
import '../tasks/tasks.css';
import './review.css';
import { useUnitName } from '../org/org.ts';

/** `/reports/:id`: one report, read-only, with the actions the caller may take on it. */
export function ReportPage() {
  const nameOf = useUnitName();
  const t = useT();
  const { id } = useParams();
  const location = useLocation();
  const asOf = useAsOf();
  const report = useReport(id);
  const [decided, setDecided] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(
    (location.state as { submitted?: boolean } | null)?.submitted ? t('report.submittedOk') : null,
  );
  usePageTitle(t('report.title'));
  if (report.error) return <ErrorNotice error={report.error} onRetry={() => void report.refetch()} />;
  if (!report.data) return <Loading />;
  const r = report.data;
  return (
    <>
      <nav aria-label={t('tasks.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to={withAsOf(`/tasks/${r.taskId}`, asOf)}>{r.taskCode}</Link>
          </li>
          <li>
            <Link to={withAsOf(`/assignments/${r.assignmentId}`, asOf)}>{nameOf(r.unit)}</Link>
          </li>
          <li aria-current="page">{t('report.title')}</li>
        </ol>
      </nav>
      <h1>{t('report.title')}</h1>
      <p className="lead">
        <span className="title-code">{r.taskCode}</span> {r.taskTitle}
      </p>
      <p className="muted">{t('report.fromTo', { unit: nameOf(r.unit), to: nameOf(r.assignedByUnit) })}</p>
      <SuccessNotice>{done}</SuccessNotice>
      <section className="card">
        <ReportDetails report={r} />
      </section>
      <ReportActions
        report={r}
        onDone={(_, action) => {
          setDone(t(`report.done.${action}`));
          if (action === 'accept' || action === 'return' || action === 'approve') setDecided(r.id);
        }}
      />
      {decided === r.id && <NextReport currentId={r.id} />}
    </>
  );
}
