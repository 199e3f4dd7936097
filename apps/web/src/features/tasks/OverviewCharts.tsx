import type { ProgrammeDashboard, ProgrammeSummary } from '@pilotage/contracts';
import { useT } from '../../i18n/index.tsx';
import { ChartPanel } from '../../ui/charts/ChartPanel.tsx';
import { shortDate, type Dataset } from '../../ui/charts/dataset.ts';

type UnitRow = ProgrammeSummary['byUnit'][number];

/** Units drawn per chart: the most overdue (every unit is in the status table below). */
const TOP = 15;

/** Rows of a unit chart: the units with overdue work, most overdue first, then by name. */
function unitDataset(t: ReturnType<typeof useT>, rows: UnitRow[]): Dataset {
  const sorted = rows
    .filter((r) => r.byStatus.overdue > 0)
    .sort((a, b) => b.byStatus.overdue - a.byStatus.overdue || a.unitName.localeCompare(b.unitName, 'vi'))
    .slice(0, TOP);
  return {
    columns: [
      { key: 'unit', label: t('common.unit') },
      { key: 'overdue', label: t('tasks.statusShort.overdue'), kind: 'number' },
      { key: 'done', label: t('overview.done'), kind: 'number' },
      { key: 'total', label: t('tasks.assignmentsCount'), kind: 'number' },
    ],
    rows: sorted.map((r) => ({
      unit: r.unitName,
      overdue: r.byStatus.overdue,
      done: r.byStatus.done_on_time + r.byStatus.done_late,
      total: r.total,
    })),
  };
}

const barHeight = (rows: number) => Math.max(140, rows * 26 + 50);

/** A bar chart of overdue work per unit (with its table and exports). */
function UnitChart({ title, note, rows }: { title: string; note: string; rows: UnitRow[] }) {
  const t = useT();
  const data = unitDataset(t, rows);
  return (
    <ChartPanel
      title={title}
      description={note}
      emptyText={t('overview.noOverdueUnits')}
      data={data}
      spec={{
        type: 'bar',
        category: 'unit',
        series: [{ key: 'overdue', color: '#a61b1b' }],
        horizontal: true,
      }}
      height={barHeight(data.rows.length)}
    />
  );
}

/**
 * The overview's charts: the completion trend over time, overdue work by ministry and by province (a
 * province: by commune). Each chart has its table view and CSV/XLSX export (ChartPanel).
 */
export function OverviewCharts({
  summary,
  dashboard,
}: {
  summary: ProgrammeSummary;
  dashboard: ProgrammeDashboard | undefined;
}) {
  const t = useT();
  const asOf = shortDate(summary.asOf);
  const ministries = summary.byUnit.filter((u) => u.unitKind === 'ministry' || u.unitKind === 'central_body');
  const provinces = summary.byUnit.filter((u) => u.unitKind === 'province');
  const trend: Dataset | null = dashboard
    ? {
        columns: [
          { key: 'date', label: t('overview.date'), kind: 'date' },
          { key: 'rate', label: t('overview.rate'), kind: 'percent' },
          { key: 'completed', label: t('overview.completedTasks'), kind: 'number' },
          { key: 'total', label: t('overview.totalTasks'), kind: 'number' },
        ],
        rows: dashboard.trend.map((p) => ({
          date: p.date,
          rate: p.total > 0 ? Math.round((p.completed / p.total) * 1000) / 10 : 0,
          completed: p.completed,
          total: p.total,
        })),
      }
    : null;
  return (
    <section aria-labelledby="overview-charts" className="overview-charts">
      <h2 id="overview-charts">{t('overview.chartsTitle')}</h2>
      <div className="chart-grid">
        {trend && (
          <ChartPanel
            title={t('overview.trendTitle')}
            description={t('overview.trendNote', { date: asOf })}
            data={trend}
            spec={{ type: 'line', category: 'date', series: [{ key: 'rate' }], percent: true }}
            height={260}
          />
        )}
        {ministries.length > 1 && (
          <UnitChart
            title={t('overview.byMinistry')}
            note={t('overview.byUnitNote', { date: asOf })}
            rows={ministries}
          />
        )}
        {provinces.length > 1 && (
          <UnitChart
            title={t('overview.byProvince')}
            note={t('overview.byUnitNote', { date: asOf })}
            rows={provinces}
          />
        )}
        {dashboard && dashboard.subUnits.length > 1 && (
          <UnitChart
            title={t('overview.bySubUnit')}
            note={t('overview.byUnitNote', { date: asOf })}
            rows={dashboard.subUnits}
          />
        )}
      </div>
    </section>
  );
}
