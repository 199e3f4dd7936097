import { lazy, Suspense, useId, useState, type ReactNode } from 'react';
import { useLang, useT } from '../../../i18n/index.tsx';
import { fileName, formatCell, saveFile, toCsv, type Dataset } from '../../../ui/charts/dataset.ts';
import type { KpiChartKind } from './KpiEChart.tsx';
import '../../../ui/charts/charts.css';

/** ECharts arrives with the first chart drawn, never with the page. */
const KpiEChart = lazy(() => import('./KpiEChart.tsx'));

type View = 'chart' | 'table' | 'tiles';

interface Props {
  title: string;
  description?: string | undefined;
  data: Dataset;
  spec: KpiChartKind;
  height?: number;
  /** A third view drawn without the chart library (the map's tile grid). */
  tiles?: ReactNode;
  testId?: string;
}

/** A KPI chart with its table view (and the tile grid for the map), CSV and XLSX exports of one dataset. */
export function KpiChartPanel({ title, description, data, spec, height = 320, tiles, testId }: Props) {
  const t = useT();
  const [lang] = useLang();
  const [view, setView] = useState<View>('chart');
  const id = useId();
  const name = fileName(title);
  const exportXlsx = async () => {
    const { toXlsx } = await import('../../../ui/charts/xlsx.ts');
    saveFile(
      `${name}.xlsx`,
      toXlsx(data, title) as Uint8Array<ArrayBuffer>,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  };
  const views: View[] = tiles ? ['chart', 'tiles', 'table'] : ['chart', 'table'];
  return (
    <section className="card chart-panel" aria-labelledby={`${id}-title`} data-testid={testId ?? 'kpi-chart'}>
      <header className="chart-panel-head">
        <div>
          <h3 id={`${id}-title`}>{title}</h3>
          {description && <p className="muted chart-panel-note">{description}</p>}
        </div>
        <div className="chart-panel-tools">
          <div className="segmented" role="group" aria-label={t('kpi.chart.view')}>
            {views.map((v) => (
              <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
                {t(`kpi.chart.${v}`)}
              </button>
            ))}
          </div>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => saveFile(`${name}.csv`, toCsv(data), 'text/csv;charset=utf-8')}
          >
            CSV
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => void exportXlsx()}
          >
            XLSX
          </button>
        </div>
      </header>
      {data.rows.length === 0 ? (
        <p className="muted">{t('kpi.chart.empty')}</p>
      ) : view === 'chart' ? (
        <Suspense fallback={<div className="echart echart-loading" style={{ height }} aria-busy="true" />}>
          <KpiEChart data={data} spec={spec} lang={lang} height={height} label={title} />
        </Suspense>
      ) : view === 'tiles' ? (
        tiles
      ) : (
        <div className="table-scroll" role="region" aria-labelledby={`${id}-title`} tabIndex={0}>
          <table className="table table-compact" data-testid="chart-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {data.columns.map((c) => (
                  <th
                    key={c.key}
                    scope="col"
                    className={c.kind === 'number' || c.kind === 'percent' ? 'num' : undefined}
                  >
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row, i) => (
                <tr key={i}>
                  {data.columns.map((c, j) =>
                    j === 0 ? (
                      <th key={c.key} scope="row">
                        {formatCell(lang, c, row[c.key] ?? null)}
                      </th>
                    ) : (
                      <td
                        key={c.key}
                        className={c.kind === 'number' || c.kind === 'percent' ? 'num' : undefined}
                      >
                        {formatCell(lang, c, row[c.key] ?? null)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
