import type { StatsQuery } from '@pilotage/contracts';
import type { z } from 'zod';
import { useT } from '../../i18n/index.tsx';
import { DateInput } from '../../ui/DateInput.tsx';

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
      <DateInput
        id="s-from"
        label={t('stats.from')}
        value={value.from ?? ''}
        onChange={(iso) => onChange({ ...value, from: iso || undefined })}
      />
      <DateInput
        id="s-to"
        label={t('stats.to')}
        value={value.to ?? ''}
        onChange={(iso) => onChange({ ...value, to: iso || undefined })}
      />
    </div>
  );
}
