import type { Stats } from '@pilotage/contracts';
import { formatNumber, useLang, useT } from '../../i18n/index.tsx';

/** The statistics as a table (one row per unit or topic, the total last); scrolls sideways on a phone. */
export function StatsTable({ stats }: { stats: Stats }) {
  const t = useT();
  const [lang] = useLang();
  const num = (n: number | null) => (n === null ? '—' : formatNumber(lang, n));
  if (stats.rows.length === 0) return <p>{t('stats.none')}</p>;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={t('stats.title')}>
      <table className="table table-stack stats-table" data-testid="stats-table">
        <thead>
          <tr>
            <th scope="col">{t('stats.name')}</th>
            <th scope="col">{t('stats.received')}</th>
            <th scope="col">{t('stats.answered')}</th>
            <th scope="col">{t('stats.onTime')}</th>
            <th scope="col">{t('stats.overdue')}</th>
            <th scope="col">{t('stats.median')}</th>
            <th scope="col">{t('stats.satisfaction')}</th>
          </tr>
        </thead>
        <tbody>
          {[...stats.rows, stats.total].map((r) => (
            <tr key={r.id ?? 'total'} className={r.id === null ? 'total-row' : undefined}>
              <th scope="row">{r.name}</th>
              <td data-label={t('stats.received')}>{num(r.received)}</td>
              <td data-label={t('stats.answered')}>{num(r.answered)}</td>
              <td data-label={t('stats.onTime')}>{num(r.answeredOnTime)}</td>
              <td data-label={t('stats.overdue')}>{num(r.overdue)}</td>
              <td data-label={t('stats.median')}>{num(r.medianWorkingDays)}</td>
              <td data-label={t('stats.satisfaction')}>
                {r.satisfaction === null ? '—' : `${num(r.satisfaction)} (${num(r.ratings)})`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
