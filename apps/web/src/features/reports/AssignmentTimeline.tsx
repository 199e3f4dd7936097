import type { TimelineEvent } from '@pilotage/contracts';
import { Link } from 'react-router-dom';
import { formatDateTime, hasKey, useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { formatPeriod } from './period.ts';
import { useTimeline } from './reports.ts';

/** Reports and status changes of one assignment, newest first (from the audit trail). */
export function AssignmentTimeline({
  assignmentId,
  headingLevel = 2,
  title,
}: {
  assignmentId: string;
  headingLevel?: 2 | 3;
  title?: string;
}) {
  const t = useT();
  const timeline = useTimeline(assignmentId);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `timeline-${assignmentId}`;
  return (
    <section aria-labelledby={headingId} className="timeline-section">
      <Heading id={headingId}>{title ?? t('report.timeline')}</Heading>
      {timeline.error && <ErrorNotice error={timeline.error} />}
      {!timeline.data && !timeline.error && <Loading />}
      {timeline.data &&
        (timeline.data.items.length === 0 ? (
          <p>{t('report.timelineEmpty')}</p>
        ) : (
          <ol className="timeline" data-testid="timeline">
            {timeline.data.items.map((e) => (
              <TimelineItem key={e.id} event={e} />
            ))}
          </ol>
        ))}
    </section>
  );
}

function TimelineItem({ event }: { event: TimelineEvent }) {
  const t = useT();
  const [lang] = useLang();
  const key = `report.act.${event.action}`;
  const label = hasKey(key) ? t(key) : event.action;
  const statusKey = `report.status.${event.status ?? ''}`;
  return (
    <li className={`timeline-item timeline-${event.kind}`} data-action={event.action}>
      <time dateTime={event.at}>{formatDateTime(lang, event.at)}</time>
      <p className="timeline-what">
        <strong>{label}</strong>
        {event.period && <span> · {formatPeriod(t, event.period)}</span>}
        {event.progress !== null && <span> · {t('tasks.percent', { value: event.progress })}</span>}
        {event.status && hasKey(statusKey) && <span> · {t(statusKey)}</span>}
      </p>
      {event.actorName && <p className="muted small">{event.actorName}</p>}
      {event.reason && <p className="small prewrap">{event.reason}</p>}
      {event.reportId && event.kind === 'report' && (
        <p className="small">
          <Link to={`/reports/${event.reportId}`}>{t('report.open')}</Link>
        </p>
      )}
    </li>
  );
}
