import type { RankDetail } from '@pilotage/contracts';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { formatNumber, useLang, useT } from '../../i18n/index.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { usePageTitle } from '../../ui/usePageTitle.ts';
import { defaultPeriod, periodLabel, useRankDetail } from './kpi.ts';
import './kpi.css';

type Component = RankDetail['components'][number];

/** A unit's dashboard (`/kpi/units/:code?period=`): its score and "why this rank", component by component. */
export function UnitDashboardPage() {
  const t = useT();
  const [lang] = useLang();
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const period = params.get('period') ?? defaultPeriod();
  const q = useRankDetail(code, period);
  usePageTitle(t('kpi.why'));
  if (q.error) return <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Loading />;
  const d = q.data;
  const name = lang === 'en' && d.unit.nameEn ? d.unit.nameEn : d.unit.name;
  const num = (v: number | null) => (v === null ? '—' : formatNumber(lang, v));
  return (
    <>
      <p>
        <Link to={`/kpi?period=${period}`}>{t('kpi.national.title')}</Link>
      </p>
      <h1>{name}</h1>
      <p className="lead" data-testid="unit-score">
        {t('kpi.unit.score', {
          score: num(d.score),
          rank: d.rank ?? '—',
          of: d.of,
          period: periodLabel(d.period),
          version: d.formulaVersion,
        })}
      </p>
      <h2>{t('kpi.why')}</h2>
      <DataTable<Component>
        id="why-caption"
        caption={t('kpi.why')}
        rows={d.components}
        rowKey={(c) => c.key}
        columns={[
          { label: t('kpi.unit.component'), cell: (c) => <strong>{c.name}</strong> },
          { label: t('kpi.unit.weight'), cell: (c) => num(c.weight) },
          { label: t('kpi.unit.value'), cell: (c) => num(c.value) },
          { label: t('kpi.unit.points'), cell: (c) => num(c.contribution) },
          { label: t('kpi.unit.basis'), cell: (c) => c.basis },
        ]}
      />
      {d.components
        .filter((c) => c.records.length > 0)
        .map((c) => (
          <section key={c.key} className="card" aria-labelledby={`rec-${c.key}`}>
            <h3 id={`rec-${c.key}`}>{c.name}</h3>
            <ul>
              {c.records.map((r) => (
                <li key={`${r.kind}-${r.ref}`}>
                  {r.kind === 'assignment' ? <Link to={`/assignments/${r.ref}`}>{r.label}</Link> : r.label}
                  {r.detail && <span className="muted"> — {r.detail}</span>}
                </li>
              ))}
            </ul>
          </section>
        ))}
    </>
  );
}
