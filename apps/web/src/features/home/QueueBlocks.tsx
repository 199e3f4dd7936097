import type { HomeView } from '@pilotage/contracts';
import { Link } from 'react-router-dom';
import { formatDateTime, useLang, useT } from '../../i18n/index.tsx';
import { shortDate } from '../../ui/charts/dataset.ts';
import { daysSince } from './home.ts';

type Queue = NonNullable<HomeView['review']>;

/** Reports waiting for the caller's unit: how many, and since when the oldest waits. */
export function QueueBlock({ queue, awaiting }: { queue: Queue; awaiting: 'review' | 'approval' }) {
  const t = useT();
  const [lang] = useLang();
  const id = `home-${awaiting}`;
  return (
    <section className="card home-block" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{t(awaiting === 'review' ? 'home.review.title' : 'home.approval.title')}</h2>
      <p className="home-big">
        <strong>{queue.count}</strong>{' '}
        {t(awaiting === 'review' ? 'home.review.count' : 'home.approval.count')}
      </p>
      {queue.oldestSince ? (
        <p>
          {t('home.queue.oldest', {
            days: daysSince(queue.oldestSince),
            date: formatDateTime(lang, queue.oldestSince).slice(0, 10),
          })}{' '}
          {queue.oldestReportId && (
            <Link to={`/reports/${queue.oldestReportId}`}>{t('home.queue.openOldest')}</Link>
          )}
        </p>
      ) : (
        <p className="home-none">{t('home.queue.none')}</p>
      )}
      {queue.count > 0 && (
        <p className="home-more">
          <Link to="/reviews" className="button button-primary button-small">
            {t('home.queue.open')}
          </Link>
        </p>
      )}
    </section>
  );
}

type Commitments = NonNullable<HomeView['commitments']>;

/** The unit's commitments not kept yet, nearest due date first. */
export function CommitmentsBlock({ commitments, today }: { commitments: Commitments; today: string }) {
  const t = useT();
  return (
    <section className="card home-block" aria-labelledby="home-commitments" data-testid="home-commitments">
      <h2 id="home-commitments">{t('home.commitments.title')}</h2>
      <p className="home-big">
        <strong>{commitments.open}</strong> {t('home.commitments.open')}
        {commitments.broken > 0 && (
          <span className="home-count-danger">
            {' '}
            · {t('home.commitments.broken', { count: commitments.broken })}
          </span>
        )}
      </p>
      {commitments.items.length === 0 ? (
        <p className="home-none">{t('home.commitments.none')}</p>
      ) : (
        <ul className="home-list">
          {commitments.items.map((c) => (
            <li key={c.id}>
              <Link to="/commitments">{c.outcome}</Link>
              <span className={c.dueOn < today ? 'text-danger' : 'muted'}>
                {' '}
                · {t('home.commitments.due', { date: shortDate(c.dueOn), count: c.openAssignments })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="home-more">
        <Link to="/commitments">{t('home.commitments.all')}</Link>
      </p>
    </section>
  );
}
