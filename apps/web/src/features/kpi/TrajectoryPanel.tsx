import { useLang, useT } from '../../i18n/index.tsx';
import { KpiChartPanel } from './charts/KpiChartPanel.tsx';
import { periodLabel, useTrajectory } from './kpi.ts';

/** An indicator's monthly values for a unit against its target trajectory (chart, table, exports). */
export function TrajectoryPanel({
  code,
  unit,
  from,
  to,
}: {
  code: string;
  unit?: string | undefined;
  from: string;
  to: string;
}) {
  const t = useT();
  const [lang] = useLang();
  const q = useTrajectory(code, unit, from, to);
  if (!q.data) return null;
  const d = q.data;
  const name = lang === 'en' && d.indicator.nameEn ? d.indicator.nameEn : d.indicator.name;
  const unitName = lang === 'en' && d.unit.nameEn ? d.unit.nameEn : d.unit.name;
  return (
    <KpiChartPanel
      testId="trajectory-chart"
      title={t('kpi.trajectory.title', { name, unit: unitName })}
      description={t('kpi.trajectory.note')}
      spec={{ kind: 'trajectory', category: 'period', value: 'value', target: 'target' }}
      data={{
        columns: [
          { key: 'period', label: t('kpi.trajectory.period') },
          { key: 'value', label: t('kpi.trajectory.value'), kind: 'percent' },
          { key: 'target', label: t('kpi.trajectory.target'), kind: 'percent' },
          { key: 'judgement', label: t('kpi.trajectory.judgement') },
        ],
        rows: d.points.map((p) => ({
          period: periodLabel(p.period),
          value: p.value,
          target: p.target,
          judgement: p.judgement ? t(`kpi.judgement.${p.judgement}`) : null,
        })),
      }}
    />
  );
}
