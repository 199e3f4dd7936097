import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useLang, useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { KpiCards } from './KpiCards.tsx';
import { LeagueTable } from './LeagueTable.tsx';
import { TrajectoryPanel } from './TrajectoryPanel.tsx';
import { defaultPeriod, periodLabel, useIndicators, usePins, useRankDetail } from './kpi.ts';
import { SERIES_FROM } from './NationalDashboardPage.tsx';
import './kpi.css';

/** A province's dashboard (`/kpi/provinces/:code?period=`): its KPIs, its communes ranked, its own rank. */
export function ProvinceDashboardPage() {
  const t = useT();
  const [lang] = useLang();
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? defaultPeriod();
  const indicators = useIndicators();
  const pins = usePins();
  const detail = useRankDetail(code, period);
  const selected = params.get('indicator') ?? indicators.data?.items[0]?.code;
  const unitName = detail.data
    ? lang === 'en' && detail.data.unit.nameEn
      ? detail.data.unit.nameEn
      : detail.data.unit.name
    : code;
  usePageTitle(unitName);
  if (detail.error) return <ErrorNotice error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!detail.data || !indicators.data) return <Loading />;
  return (
    <>
      <p>
        <Link to={`/kpi?period=${period}`}>{t('kpi.national.title')}</Link>
      </p>
      <h1>{unitName}</h1>
      <p className="lead">
        {t('kpi.province.rank', {
          rank: detail.data.rank ?? '—',
          of: detail.data.of,
          period: periodLabel(period),
        })}{' '}
        <Link to={`/kpi/units/${code}?period=${period}`}>{t('kpi.why')}</Link>
      </p>
      <KpiCards
        label={t('kpi.national.kpis')}
        indicators={indicators.data.items}
        unit={code}
        period={period}
        from={SERIES_FROM}
        selected={selected}
        onSelect={(c) => {
          const next = new URLSearchParams(params);
          next.set('indicator', c);
          setParams(next, { replace: true });
        }}
        pinned={pins.data?.items.map((p) => p.code)}
      />
      {selected && <TrajectoryPanel code={selected} unit={code} from={SERIES_FROM} to={period} />}
      <LeagueTable
        level="commune"
        parent={code}
        period={period}
        title={t('kpi.league.communes', { name: unitName })}
      />
    </>
  );
}
