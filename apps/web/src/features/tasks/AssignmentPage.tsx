import { Link, useParams } from 'react-router-dom';
import { formatDate, useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { useMe } from '../identity/session.tsx';
import { AssignmentReports } from '../reports/AssignmentReports.tsx';
import { AssignmentTimeline } from '../reports/AssignmentTimeline.tsx';
import { CascadeChildren } from './CascadeChildren.tsx';
import { CascadeForm } from './CascadeForm.tsx';
import { DeadlineText } from './DeadlineText.tsx';
import { ExtensionPanel } from './ExtensionPanel.tsx';
import { ProgressValue, StatusBadge } from './StatusBadge.tsx';
import { useAssignmentReports } from '../reports/reports.ts';
import { useAsOf, withAsOf } from './as-of.ts';
import { AwaitingReview, ReportingTodo, StatusReason } from './AssignmentReporting.tsx';
import { useAssignment } from './tasks.ts';
import './tasks.css';
import { useUnitName } from '../org/org.ts';

const WRITERS = ['officer', 'unit_lead'] as const;

/**
 * `/assignments/:id`: one unit's assignment — status, deadline in force and original, progress, product;
 * for the assigned unit: report, request an extension, cascade to units below; its reports, the units it
 * cascaded to, and its timeline.
 */
export function AssignmentPage() {
  const nameOf = useUnitName();
  const t = useT();
  const [lang] = useLang();
  const me = useMe();
  const { id } = useParams();
  const asOf = useAsOf();
  const assignment = useAssignment(id, asOf);
  const periods = useAssignmentReports(id, asOf);
  usePageTitle(
    assignment.data ? `${assignment.data.taskCode} · ${nameOf(assignment.data.unit)}` : t('tasks.assignment'),
  );

  if (assignment.error)
    return <ErrorNotice error={assignment.error} onRetry={() => void assignment.refetch()} />;
  if (!assignment.data) return <Loading />;
  const a = assignment.data;
  const mine = a.unit.id === me.user.orgUnitId;
  const writer = mine && me.user.roles.some((r) => (WRITERS as readonly string[]).includes(r));
  const assigner = a.assignedByUnit.id === me.user.orgUnitId || me.user.roles.includes('steering');
  const canCascade = writer && me.unit.kind === 'province';
  // continuous work is never finished: "done" there judges one period, the unit still reports every period
  const done = (a.status === 'done_on_time' || a.status === 'done_late') && !a.isContinuous;

  return (
    <>
      <nav aria-label={t('tasks.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to={withAsOf(`/programmes/${a.programmeId}`, asOf)}>{t('tasks.overviewTitle')}</Link>
          </li>
          <li>
            <Link to={withAsOf(`/tasks/${a.taskId}`, asOf)}>{a.taskCode}</Link>
          </li>
          {a.parentAssignmentId && (
            <li>
              <Link to={withAsOf(`/assignments/${a.parentAssignmentId}`, asOf)}>
                {nameOf(a.assignedByUnit)}
              </Link>
            </li>
          )}
          <li aria-current="page">{nameOf(a.unit)}</li>
        </ol>
      </nav>
      <h1>
        <span className="title-code">{a.taskCode}</span> {a.taskTitle}
      </h1>
      {asOf && (
        <p className="notice" role="status" data-testid="as-of-notice">
          {t('reporting.asOfNotice', { date: formatDate(lang, asOf) })}{' '}
          <Link to={`/assignments/${a.id}`}>{t('reporting.seeToday')}</Link>
        </p>
      )}
      <section className="card" aria-labelledby="assignment-unit">
        <h2 id="assignment-unit">{nameOf(a.unit)}</h2>
        <dl className="facts facts-aligned" data-testid="assignment-facts">
          <div>
            <dt>{t('common.status')}</dt>
            <dd data-testid="assignment-status">
              <StatusBadge status={a.status} atRisk={a.atRisk} />
              <StatusReason assignment={a} periods={periods.data?.periods} asOf={asOf} />
            </dd>
          </div>
          <div>
            <dt>{t('tasks.progress')}</dt>
            <dd data-testid="assignment-progress">
              <ProgressValue value={a.progress} />
              <AwaitingReview assignment={a} asOf={asOf} />
            </dd>
          </div>
          <div>
            <dt>{t('tasks.deadline')}</dt>
            <dd>
              <DeadlineText
                deadline={a.effectiveDeadline ?? a.deadline}
                originalDeadline={a.originalDeadline}
                deadlineUsed={a.deadlineUsed}
                isContinuous={a.isContinuous}
              />
            </dd>
          </div>
          <div>
            <dt>{t('tasks.assignedBy')}</dt>
            <dd>{nameOf(a.assignedByUnit)}</dd>
          </div>
          {a.responsibleLeader && (
            <div>
              <dt>{t('tasks.responsibleLeader')}</dt>
              <dd>{a.responsibleLeader}</dd>
            </div>
          )}
          {a.completedOn && (
            <div>
              <dt>{t('report.completedOn')}</dt>
              <dd>{formatDate(lang, a.completedOn)}</dd>
            </div>
          )}
          {a.product && (
            <div>
              <dt>{t('report.product')}</dt>
              <dd>{a.product}</dd>
            </div>
          )}
        </dl>
        <ReportingTodo assignment={a} canReport={writer} />
        {writer && !done && (
          <p>
            <Link className="button button-primary" to={`/assignments/${a.id}/report`}>
              {t('report.write')}
            </Link>
          </p>
        )}
      </section>
      <AssignmentReports assignmentId={a.id} canReport={writer} asOf={asOf} />
      {a.childCount > 0 && <CascadeChildren parentId={a.id} count={a.childCount} asOf={asOf} />}
      <ExtensionPanel assignment={a} canRequest={writer && !done} canDecide={assigner && !mine} />
      {canCascade && !done && (
        <div className="card">
          <CascadeForm assignment={a} />
        </div>
      )}
      <AssignmentTimeline assignmentId={a.id} />
    </>
  );
}
