import { useId } from 'react';
import { useT } from '../../i18n/index.tsx';
import { periodLabel } from './kpi.ts';

/** Month picker over the periods that have values (newest first). */
export function PeriodPicker({
  value,
  periods,
  onChange,
}: {
  value: string;
  periods: string[];
  onChange: (p: string) => void;
}) {
  const t = useT();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('kpi.period')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {[...periods].reverse().map((p) => (
          <option key={p} value={p}>
            {periodLabel(p)}
          </option>
        ))}
      </select>
    </div>
  );
}
