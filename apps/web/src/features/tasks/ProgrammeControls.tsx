import type { Programme } from '@pilotage/contracts';
import { useId } from 'react';
import { DateInput } from '../../ui/DateInput.tsx';
import { useT } from '../../i18n/index.tsx';

interface Props {
  programmes: Programme[];
  programmeId: string;
  onProgramme: (id: string) => void;
  asOf: string;
  onAsOf: (asOf: string) => void;
}

/** Which programme, as of which date: the two questions every overview answers first. */
export function ProgrammeControls({ programmes, programmeId, onProgramme, asOf, onAsOf }: Props) {
  const t = useT();
  const id = useId();
  return (
    <div className="toolbar" role="group" aria-label={t('tasks.viewOptions')}>
      <div className="field">
        <label htmlFor={`${id}-programme`}>{t('programme.label')}</label>
        <select id={`${id}-programme`} value={programmeId} onChange={(e) => onProgramme(e.target.value)}>
          {programmes.map((p) => (
            <option key={p.id} value={p.id}>
              {p.code} – {p.title}
            </option>
          ))}
        </select>
      </div>
      <DateInput
        id={`${id}-asof`}
        label={t('tasks.asOf')}
        value={asOf}
        required
        onChange={(v) => {
          if (v) onAsOf(v);
        }}
      />
    </div>
  );
}
