import { lazy, Suspense, useId, useState } from 'react';
import { useLang, useT } from '../../i18n/index.tsx';
import { formatCell, fileName, saveFile, toCsv, type ChartSpec, type Dataset } from './dataset.ts';
import './charts.css';

/** ECharts arrives with the first chart drawn, never with the page (ADR 0014). */
const EChart = lazy(() => import('./EChart.tsx'));

interface Props {
  title: string;
  /** One line under the title: what is counted, as of when. */
  description?: string;
  data: Dataset;
  spec: ChartSpec;
  /** Height of the chart in pixels (default 320). */
  height?: number;
  /** Shown instead of the chart and table when there are no rows. */
  emptyText?: string;
  /** Start on the table (the numbers) rather than the chart. */
  initialView?: 'chart' | 'table';
}

/**
 * A chart with its table view and its exports (CSV for any tool, XLSX for Excel), all from one dataset.
 * Reusable by any page (overview, dashboards): give it a `Dataset` and what to draw.
 */
export function ChartPanel({
  title,
  description,
  data,
  spec,
  height = 320,
  emptyText,
  initialView = 'chart',
}: Props) {
  const t = useT();
  const [lang] = useLang();
  const [view, setView] = useState(initialView);
  const id = useId();
  const name = fileName(title);
  const exportXlsx = async () => {
    const { toXlsx } = await import('./xlsx.ts');
    saveFile(
      `${name}.xlsx`,
      toXlsx(data, title) as Uint8Array<ArrayBuffer>,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  };
  return (
    <section className="card chart-panel" aria-labelledby={`${id}-title`} data-testid="chart-panel">
      <header className="chart-panel-head">
        <div>
          <h3 id={`${id}-title`}>{title}</h3>
          {description && <p className="muted chart-panel-note">{description}</p>}
        </div>
        <div className="chart-panel-tools">
          <div className="segmented" role="group" aria-label={t('chart.view')}>
            <button type="button" aria-pressed={view === 'chart'} onClick={() => setView('chart')}>
              {t('chart.showChart')}
            </button>
            <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
              {t('chart.showTable')}
            </button>
          </div>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => saveFile(`${name}.csv`, toCsv(data), 'text/csv;charset=utf-8')}
          >
            {t('chart.csv')}
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => void exportXlsx()}
          >
            {t('chart.xlsx')}
          </button>
        </div>
      </header>
      {data.rows.length === 0 ? (
        <p className="muted">{emptyText ?? t('chart.empty')}</p>
      ) : view === 'chart' ? (
        <Suspense fallback={<div className="echart echart-loading" style={{ height }} aria-busy="true" />}>
          <EChart data={data} spec={spec} lang={lang} height={height} label={t('chart.label', { title })} />
        </Suspense>
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
