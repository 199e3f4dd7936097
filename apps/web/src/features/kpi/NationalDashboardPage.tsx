import { useId } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { KpiCards } from './KpiCards.tsx';
import { LeagueTable } from './LeagueTable.tsx';
import { PeriodPicker } from './PeriodPicker.tsx';
import { ProvinceMapPanel } from './ProvinceMapPanel.tsx';
import { TrajectoryPanel } from './TrajectoryPanel.tsx';
import { defaultPeriod, useIndicators, usePins, useTrajectory } from './kpi.ts';
import './kpi.css';

export const SERIES_FROM = '202401';
/** League tables on the national page start with the top ten ("show all" for the rest). */
const LEAGUE_SHOWN = 10;

/**
 * The national dashboard (`/kpi?indicator=&period=`): the KPIs against their targets, the chosen KPI's
 * trajectory, the provinces' map (or tile grid) coloured by it, the league tables of provinces and
 * ministries. The period defaults to the latest month with a national value.
 */
export function NationalDashboardPage() {
  const t = useT();
  const [lang] = useLang();
  const [params, setParams] = useSearchParams();
  const indicators = useIndicators();
  const pins = usePins();
  const selectId = useId();
  usePageTitle(t('kpi.national.title'));
  const list = indicators.data?.items ?? [];
  const code = params.get('indicator') ?? list[0]?.code;
  const to = defaultPeriod();
  const traj = useTrajectory(code, undefined, SERIES_FROM, to);
  const withValues = traj.data?.points.filter((p) => p.value !== null).map((p) => p.period) ?? [];
  const period = params.get('period') ?? withValues[withValues.length - 1] ?? to;
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    next.set(k, v);
    setParams(next, { replace: true });
  };
  if (indicators.error)
    return <ErrorNotice error={indicators.error} onRetry={() => void indicators.refetch()} />;
  if (!indicators.data || (code && !traj.data)) return <Loading />;
  const indicator = list.find((i) => i.code === code);
  const name = indicator ? (lang === 'en' && indicator.nameEn ? indicator.nameEn : indicator.name) : '';
  const pinned = pins.data?.items.map((p) => p.code);
  const pinnedList = list.filter((i) => pinned?.includes(i.code));
  return (
    <>
      <h1>{t('kpi.national.title')}</h1>
      <p className="lead">{t('kpi.national.lead')}</p>
      <div className="kpi-toolbar">
        <div className="field">
          <label htmlFor={selectId}>{t('kpi.indicator')}</label>
          <select id={selectId} value={code ?? ''} onChange={(e) => set('indicator', e.target.value)}>
            {list.map((i) => (
              <option key={i.code} value={i.code}>
                {lang === 'en' && i.nameEn ? i.nameEn : i.name}
              </option>
            ))}
          </select>
        </div>
        {withValues.length > 0 && (
          <PeriodPicker value={period} periods={withValues} onChange={(p) => set('period', p)} />
        )}
        <Link className="button button-secondary" to="/kpi/entry">
          {t('kpi.entry.link')}
        </Link>
      </div>
      {pinnedList.length > 0 && (
        <section aria-labelledby="kpi-pinned">
          <h2 id="kpi-pinned">{t('kpi.pinned')}</h2>
          <KpiCards
            label={t('kpi.pinned')}
            indicators={pinnedList}
            period={period}
            from={SERIES_FROM}
            selected={code}
            onSelect={(c) => set('indicator', c)}
            pinned={pinned}
          />
        </section>
      )}
      <h2>{t('kpi.national.kpis')}</h2>
      <KpiCards
        label={t('kpi.national.kpis')}
        indicators={list}
        period={period}
        from={SERIES_FROM}
        selected={code}
        onSelect={(c) => set('indicator', c)}
        pinned={pinned}
      />
      {code && (
        <div className="chart-grid">
          <TrajectoryPanel code={code} from={SERIES_FROM} to={to} />
          <ProvinceMapPanel code={code} name={name} period={period} />
        </div>
      )}
      <LeagueTable level="province" period={period} title={t('kpi.league.provinces')} limit={LEAGUE_SHOWN} />
      <LeagueTable level="ministry" period={period} title={t('kpi.league.ministries')} limit={LEAGUE_SHOWN} />
    </>
  );
}
