import type { StatsQuery } from '@pilotage/contracts';
import type { z } from 'zod';
import { useT } from '../../i18n/index.tsx';

export type Filters = z.input<typeof StatsQuery>;

/** Group by unit or topic, and a submission date range. */
export function StatsFilters({ value, onChange }: { value: Filters; onChange: (f: Filters) => void }) {
  const t = useT();
  return (
    <div className="catalogue-filters">
      <div className="field">
        <label htmlFor="s-by">{t('stats.by')}</label>
        <select
          id="s-by"
          value={value.by ?? 'unit'}
          onChange={(e) => onChange({ ...value, by: e.target.value as 'unit' | 'topic' })}
        >
          <option value="unit">{t('stats.by.unit')}</option>
          <option value="topic">{t('stats.by.topic')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="s-from">{t('stats.from')}</label>
        <input
          id="s-from"
          type="date"
          value={value.from ?? ''}
          onChange={(e) => onChange({ ...value, from: e.target.value || undefined })}
        />
      </div>
      <div className="field">
        <label htmlFor="s-to">{t('stats.to')}</label>
        <input
          id="s-to"
          type="date"
          value={value.to ?? ''}
          onChange={(e) => onChange({ ...value, to: e.target.value || undefined })}
        />
      </div>
    </div>
  );
}
