import { Link } from 'react-router-dom';
import { useT } from '../../i18n/index.tsx';
import { useUnitName } from '../org/org.ts';
import { useReviewQueue } from './reports.ts';

/**
 * After a decision on a report: the next one waiting (longest waiting first), one tap away, with how many
 * are left; or a way back to the queue when none is.
 */
export function NextReport({ currentId }: { currentId: string }) {
  const t = useT();
  const nameOf = useUnitName();
  const queue = useReviewQueue({ order: 'oldest', limit: 2, offset: 0 });
  if (!queue.data) return null;
  const next = queue.data.items.find((i) => i.id !== currentId);
  const left = queue.data.total - (queue.data.items.some((i) => i.id === currentId) ? 1 : 0);
  return (
    <nav className="next-report form-actions" aria-label={t('review.next')}>
      {next ? (
        <>
          <Link className="button button-primary" to={`/reports/${next.id}`} data-testid="next-report">
            {t('review.next')}: {next.taskCode} – {nameOf(next.unit)}
          </Link>
          <span className="muted">{t('review.nextLeft', { count: left })}</span>
        </>
      ) : (
        <span className="muted">{t('review.nextNone')}</span>
      )}
      <Link className="button button-secondary" to="/reviews">
        {t('review.backToQueue')}
      </Link>
    </nav>
  );
}
