import type { StatusCounts } from '@pilotage/contracts';
import { Link } from 'react-router-dom';
import { formatNumber, useLang, useT } from '../../i18n/index.tsx';
import { STATUS_ORDER } from './tasks.ts';

interface Props {
  total: number;
  completed: number;
  byStatus: StatusCounts;
  atRisk: number;
  /** Link target for one status (the task list filtered by it). */
  linkFor: (status: string) => string;
}

/**
 * "76/106 nhiệm vụ đã hoàn thành" as a headline, a stacked bar (decorative: aria-hidden) and the same
 * numbers as a list that screen readers and keyboard users read and follow.
 */
export function StatusDistribution({ total, completed, byStatus, atRisk, linkFor }: Props) {
  const t = useT();
  const [lang] = useLang();
  const pct = (n: number) => (total > 0 ? Math.round((n / total) * 1000) / 10 : 0);
  return (
    <section className="card status-summary" aria-labelledby="status-summary-title">
      <h2 id="status-summary-title" className="status-headline" data-testid="completed-headline">
        {t('tasks.completedOf', { done: completed, total })}
      </h2>
      <div className="status-bar" aria-hidden="true">
        {STATUS_ORDER.map((s) =>
          byStatus[s] > 0 ? (
            <span
              key={s}
              className={`status-bar-part status-${s}`}
              style={{ width: `${pct(byStatus[s])}%` }}
            />
          ) : null,
        )}
      </div>
      <ul className="status-legend">
        {STATUS_ORDER.map((s) => (
          <li key={s} data-status={s}>
            <span className={`status-swatch status-${s}`} aria-hidden="true" />
            <Link to={linkFor(s)}>{t(`tasks.status.${s}`)}</Link>
            <span className="status-legend-count">
              {formatNumber(lang, byStatus[s])}{' '}
              <span className="muted">({t('tasks.percent', { value: pct(byStatus[s]) })})</span>
            </span>
          </li>
        ))}
        <li data-status="at_risk">
          <span className="status-swatch status-at_risk" aria-hidden="true" />
          <Link to={linkFor('at_risk')}>{t('tasks.atRisk')}</Link>
          <span className="status-legend-count">{formatNumber(lang, atRisk)}</span>
        </li>
      </ul>
    </section>
  );
}
