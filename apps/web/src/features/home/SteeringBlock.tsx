import type { HomeView } from '@pilotage/contracts';
import { Link } from 'react-router-dom';
import { useLang, useT } from '../../i18n/index.tsx';
import { shortDate } from '../../ui/charts/dataset.ts';
import { useUnitName } from '../org/org.ts';
import { formatPeriod } from '../reports/period.ts';

type Steering = NonNullable<HomeView['steering']>;

/**
 * Steering staff: overdue work by unit with the responsible leader, escalations (overdue past the
 * programme's escalation delay) and units that have not reported for the latest period already due.
 */
export function SteeringBlock({ steering }: { steering: Steering }) {
  const t = useT();
  const nameOf = useUnitName();
  const [lang] = useLang();
  const inSentence = (p: string) => (lang === 'vi' ? p.charAt(0).toLowerCase() + p.slice(1) : p);
  return (
    <section className="home-steering" aria-labelledby="home-steering" data-testid="home-steering">
      <h2 id="home-steering">{t('home.steering.title')}</h2>
      <ul className="home-counts">
        <li className={steering.overdue > 0 ? 'home-count-danger' : undefined}>
          <strong>{steering.overdue}</strong> {t('home.steering.overdue')}
        </li>
        <li className={steering.escalations.count > 0 ? 'home-count-danger' : undefined}>
          <strong>{steering.escalations.count}</strong> {t('home.steering.escalations')}
        </li>
        <li className={steering.missing.units > 0 ? 'home-count-warn' : undefined}>
          <strong>{steering.missing.units}</strong> {t('home.steering.missingUnits')}
        </li>
      </ul>
      <div className="home-grid">
        <section className="card home-block" aria-labelledby="home-by-unit">
          <h3 id="home-by-unit">{t('home.steering.byUnit')}</h3>
          {steering.byUnit.length === 0 ? (
            <p className="home-none">{t('home.steering.noOverdue')}</p>
          ) : (
            <ol className="home-list home-ranked">
              {steering.byUnit.map((u) => (
                <li key={u.unit.id}>
                  <span className="home-rank-count text-danger">{u.overdue}</span>
                  <div>
                    <Link to={`/tasks?status=overdue&unitId=${u.unit.id}`}>{nameOf(u.unit)}</Link>
                    <div className="muted">
                      {t('home.steering.longest', { days: u.maxDaysOverdue })}
                      {u.leaders.length > 0 && (
                        <> · {t('home.steering.leaders', { names: u.leaders.join(', ') })}</>
                      )}
                    </div>
                  </div>
                </li>
              ))}
            </ol>
          )}
        </section>
        <section className="card home-block" aria-labelledby="home-escalations">
          <h3 id="home-escalations">{t('home.steering.escalationsTitle')}</h3>
          <p className="muted">{t('home.steering.escalationsHint')}</p>
          {steering.escalations.items.length === 0 ? (
            <p className="home-none">{t('home.steering.noEscalations')}</p>
          ) : (
            <ul className="home-list">
              {steering.escalations.items.map((e) => (
                <li key={e.assignmentId}>
                  <Link to={`/assignments/${e.assignmentId}`}>
                    <span className="todo-code">{e.taskCode}</span> {e.taskTitle}
                  </Link>
                  <div className="muted">
                    {nameOf(e.unit)} ·{' '}
                    <span className="text-danger">
                      {t('home.steering.daysOverdue', { days: e.daysOverdue })}
                    </span>
                    {e.leader && <> · {t('home.steering.leaders', { names: e.leader })}</>}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card home-block" aria-labelledby="home-missing">
          <h3 id="home-missing">{t('home.steering.missingTitle')}</h3>
          {steering.missing.items.length === 0 ? (
            <p className="home-none">{t('home.steering.noMissing')}</p>
          ) : (
            <>
              <p className="muted">
                {t('home.steering.missingHint', {
                  units: steering.missing.units,
                  count: steering.missing.assignments,
                })}
              </p>
              <ul className="home-list">
                {steering.missing.items.map((m) => (
                  <li key={`${m.unit.id}-${m.period}`}>
                    <Link to={`/org/${m.unit.id}`}>{nameOf(m.unit)}</Link>
                    <div className="muted">
                      {t('home.steering.missingItem', {
                        count: m.missing,
                        period: inSentence(formatPeriod(t, m.period)),
                        date: shortDate(m.dueOn),
                      })}
                    </div>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
      <p className="home-more">
        <Link to="/programmes" className="button button-primary button-small">
          {t('home.steering.overview')}
        </Link>
      </p>
    </section>
  );
}
