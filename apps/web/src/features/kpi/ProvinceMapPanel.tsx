import { useLang, useT } from '../../i18n/index.tsx';
import { KpiChartPanel } from './charts/KpiChartPanel.tsx';
import { periodLabel, useProvinceValues } from './kpi.ts';
import { TileGrid } from './map/TileGrid.tsx';
import { TILE_GRID } from './map/tile-grid.ts';

/** The 34 provinces coloured by an indicator's live value in a period: map, tile grid, table. */
export function ProvinceMapPanel({ code, name, period }: { code: string; name: string; period: string }) {
  const t = useT();
  const [lang] = useLang();
  const q = useProvinceValues(code, period);
  if (!q.data) return null;
  const rows = q.data.items
    .filter((c) => TILE_GRID[c.code])
    .map((c) => ({ code: c.code, name: lang === 'en' && c.nameEn ? c.nameEn : c.name, value: c.value }));
  return (
    <KpiChartPanel
      testId="province-map"
      title={t('kpi.map.title', { name, period: periodLabel(period) })}
      description={t('kpi.map.note')}
      height={520}
      spec={{ kind: 'map', code: 'code', name: 'name', value: 'value' }}
      tiles={<TileGrid tiles={rows} linkFor={(c) => `/kpi/provinces/${c}?period=${period}`} />}
      data={{
        columns: [
          { key: 'name', label: t('kpi.league.unit') },
          { key: 'code', label: t('kpi.map.code') },
          { key: 'value', label: name, kind: 'percent' },
        ],
        rows: rows.sort((a, b) => (b.value ?? -1) - (a.value ?? -1)),
      }}
    />
  );
}
