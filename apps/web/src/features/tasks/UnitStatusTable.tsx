import type { ProgrammeSummary } from '@pilotage/contracts';
import { foldForSearch } from '@pilotage/contracts';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatNumber, useLang, useT } from '../../i18n/index.tsx';
import { TextField } from '../../ui/Field.tsx';
import { STATUS_ORDER } from './tasks.ts';
import { useUnitName } from '../org/org.ts';

type Row = ProgrammeSummary['byUnit'][number];

/** Rows shown before "show all": the units with the most overdue work come first. */
const SHOWN = 10;

/**
 * Status counts per unit (directly assigned units, or a province's communes), worst first; filterable by
 * name. On a phone each row becomes a card with the overdue count first (overview.css).
 */
export function UnitStatusTable({
  rows,
  linkFor,
  id = 'by-unit',
  title,
}: {
  rows: Row[];
  linkFor: (unitId: string) => string;
  id?: string;
  title?: string;
}) {
  const t = useT();
  const nameOf = useUnitName();
  const [lang] = useLang();
  const [filter, setFilter] = useState('');
  const [all, setAll] = useState(false);
  const folded = foldForSearch(filter);
  const visible = rows
    .filter((r) => !folded || foldForSearch(r.unitName).includes(folded))
    .sort(
      (a, b) =>
        b.byStatus.overdue - a.byStatus.overdue ||
        b.atRisk - a.atRisk ||
        a.unitName.localeCompare(b.unitName, 'vi'),
    );
  return (
    <section aria-labelledby={`${id}-title`} className="by-unit">
      <h2 id={`${id}-title`}>{title ?? t('tasks.byUnit')}</h2>
      {rows.length > 10 && (
        <TextField
          label={t('tasks.filterUnits')}
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          className="field-inline"
        />
      )}
      <div className="table-scroll" role="region" aria-labelledby={`${id}-title`} tabIndex={0}>
        <table
          className="table table-compact unit-cards"
          data-testid={id === 'by-unit' ? 'unit-table' : `${id}-table`}
        >
          <thead>
            <tr>
              <th scope="col">{t('common.unit')}</th>
              <th scope="col" className="num">
                {t('tasks.assignmentsCount')}
              </th>
              {STATUS_ORDER.map((s) => (
                <th key={s} scope="col" className="num">
                  {t(`tasks.statusShort.${s}`)}
                </th>
              ))}
              <th scope="col" className="num">
                {t('tasks.atRisk')}
              </th>
            </tr>
          </thead>
          <tbody>
            {(all || folded ? visible : visible.slice(0, SHOWN)).map((r) => (
              <tr key={r.unitId}>
                <th scope="row">
                  <Link to={linkFor(r.unitId)}>{nameOf({ name: r.unitName, nameEn: r.unitNameEn })}</Link>
                </th>
                <td className="num" data-label={t('tasks.assignmentsCount')}>
                  {formatNumber(lang, r.total)}
                </td>
                {STATUS_ORDER.map((s) => (
                  <td
                    key={s}
                    data-label={t(`tasks.statusShort.${s}`)}
                    className={`num unit-${s}${s === 'overdue' && r.byStatus[s] > 0 ? ' text-danger' : ''}`}
                  >
                    {formatNumber(lang, r.byStatus[s])}
                  </td>
                ))}
                <td className="num" data-label={t('tasks.atRisk')}>
                  {formatNumber(lang, r.atRisk)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {visible.length === 0 && <p>{t('common.empty')}</p>}
      {!folded && visible.length > SHOWN && (
        <button
          type="button"
          className="button button-secondary"
          aria-expanded={all}
          onClick={() => setAll(!all)}
        >
          {all
            ? t('tasks.showFewerUnits', { count: SHOWN })
            : t('tasks.showAllUnits', { count: visible.length })}
        </button>
      )}
    </section>
  );
}
