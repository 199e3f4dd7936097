import { foldForSearch, ORG_UNIT_KINDS, type OrgUnit } from '@pilotage/contracts';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/index.tsx';
import { ErrorNotice, Loading } from '../../ui/ErrorNotice.tsx';
import { TextField } from '../../ui/Field.tsx';
import { useOrgChildren, useUnitName } from './org.ts';

/** Filtering a long list (a province's communes) happens in the browser: the list is already loaded. */
const FILTER_FROM = 15;

/** The direct children of a unit, grouped by kind (central bodies, ministries, provinces, communes). */
export function OrgChildren({ parentId }: { parentId: string }) {
  const t = useT();
  const nameOf = useUnitName();
  const [filter, setFilter] = useState('');
  const { data, error, refetch } = useOrgChildren(parentId);
  if (error) return <ErrorNotice error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;

  const folded = foldForSearch(filter);
  const visible = folded
    ? data.items.filter((u) => foldForSearch(`${u.name} ${u.nameEn ?? ''} ${u.code}`).includes(folded))
    : data.items;
  const groups = ORG_UNIT_KINDS.map((kind) => ({
    kind,
    units: visible.filter((u) => u.kind === kind),
  })).filter((g) => g.units.length > 0);

  return (
    <section aria-labelledby="children-title" className="children">
      <h2 id="children-title">{t('org.childCount', { count: data.total })}</h2>
      {data.items.length >= FILTER_FROM && (
        <TextField
          label={t('org.filterChildren')}
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          className="field-inline"
        />
      )}
      {groups.length === 0 && <p>{t('org.noResults')}</p>}
      {groups.map(({ kind, units }) => (
        <div key={kind} className="unit-group">
          {groups.length > 1 && (
            <h3 id={`group-${kind}`}>
              {t(`kind.${kind}`)} <span className="count">({units.length})</span>
            </h3>
          )}
          <ul className="unit-grid" aria-labelledby={groups.length > 1 ? `group-${kind}` : 'children-title'}>
            {units.map((unit) => (
              <li key={unit.id}>
                <UnitLink unit={unit} name={nameOf(unit)} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function UnitLink({ unit, name }: { unit: OrgUnit; name: string }) {
  const t = useT();
  const count = unit.childCount ?? 0;
  return (
    <Link to={`/org/${unit.id}`} className="unit-link">
      <span className="unit-link-name">{name}</span>
      {count > 0 && <span className="unit-link-meta">{t('org.childCount', { count })}</span>}
    </Link>
  );
}
