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
  const assignment = useAssignment(id);
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
  const done = a.status === 'done_on_time' || a.status === 'done_late';

  return (
    <>
      <nav aria-label={t('tasks.breadcrumb')} className="breadcrumb">
        <ol>
          <li>
            <Link to={`/programmes/${a.programmeId}`}>{t('tasks.overviewTitle')}</Link>
          </li>
          <li>
            <Link to={`/tasks/${a.taskId}`}>{a.taskCode}</Link>
          </li>
          {a.parentAssignmentId && (
            <li>
              <Link to={`/assignments/${a.parentAssignmentId}`}>{nameOf(a.assignedByUnit)}</Link>
            </li>
          )}
          <li aria-current="page">{nameOf(a.unit)}</li>
        </ol>
      </nav>
      <h1>
        <span className="title-code">{a.taskCode}</span> {a.taskTitle}
      </h1>
      <section className="card" aria-labelledby="assignment-unit">
        <h2 id="assignment-unit">{nameOf(a.unit)}</h2>
        <dl className="facts facts-aligned" data-testid="assignment-facts">
          <div>
            <dt>{t('common.status')}</dt>
            <dd data-testid="assignment-status">
              <StatusBadge status={a.status} atRisk={a.atRisk} />
            </dd>
          </div>
          <div>
            <dt>{t('tasks.progress')}</dt>
            <dd>
              <ProgressValue value={a.progress} />
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
        {writer && !done && (
          <p>
            <Link className="button button-primary" to={`/assignments/${a.id}/report`}>
              {t('report.write')}
            </Link>
          </p>
        )}
      </section>
      <AssignmentReports assignmentId={a.id} canReport={writer} />
      {a.childCount > 0 && <CascadeChildren parentId={a.id} count={a.childCount} />}
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
