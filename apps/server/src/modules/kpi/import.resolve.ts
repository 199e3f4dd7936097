import type { DataValueSetBody, ImportConflict, Lang, OrgUnitKind, ValueType } from '@pilotage/contracts';
import { t, type MessageKey } from '../../http/messages.ts';
import { parsePeriod, addDays, type Period } from './periods.ts';
import { parseValue, VALUE_TYPE_LABELS } from './values.ts';
import type { ValueRow } from './values.repository.ts';

/** What the import knows once codes are looked up (import.service.ts loads it in its transaction). */
export interface ElementRef {
  id: string;
  code: string;
  valueType: ValueType;
  levels: readonly OrgUnitKind[];
}
export interface UnitRef {
  id: string;
  code: string;
  kind: OrgUnitKind;
  validFrom: string;
  validTo: string | null;
}
export interface SetRef {
  code: string;
  periodType: string;
  expiryDays: number;
  elementIds: ReadonlySet<string>;
}
export interface Lookups {
  elements: ReadonlyMap<string, ElementRef>;
  /** Units by the identifier the payload uses (code or id); several when a code was reused over time. */
  units: ReadonlyMap<string, readonly UnitRef[]>;
  dataSet: SetRef | null;
  /** May the caller write this unit's values (scope and role)? */
  writable: (unitId: string) => boolean;
  /** Admins enter values after a data set's expiry. */
  ignoresExpiry: boolean;
  today: string;
  lang: Lang;
}

export interface Resolved {
  /** Valid values with a value to store. */
  rows: (ValueRow & { index: number })[];
  /** Valid keys whose value is to be deleted (DELETE, or an empty value). */
  deletions: { elementId: string; period: string; unitId: string; index: number }[];
  conflicts: ImportConflict[];
  /** Values refused only because the caller may not write their unit. */
  forbidden: number;
}

/** The unit a code names during a period: the one valid at its end, else at its start. */
export function unitFor(candidates: readonly UnitRef[] | undefined, p: Period): UnitRef | undefined {
  const validOn = (u: UnitRef, d: string) => u.validFrom <= d && (u.validTo === null || u.validTo >= d);
  return candidates?.find((u) => validOn(u, p.end)) ?? candidates?.find((u) => validOn(u, p.start));
}

/**
 * Checks every data value of a payload and turns the valid ones into rows (pure). Conflicts are DHIS2's:
 * `object` is the offending identifier, `value` the message in the caller's language.
 */
export function resolveValues(body: DataValueSetBody, deleteAll: boolean, l: Lookups): Resolved {
  const out: Resolved = { rows: [], deletions: [], conflicts: [], forbidden: 0 };
  const seen = new Set<string>();
  const periods = new Map<string, Period | null>();
  const conflict = (
    index: number,
    object: string,
    property: string,
    key: MessageKey,
    params: Record<string, string | number> = {},
  ) => {
    out.conflicts.push({
      object,
      value: t(l.lang, key, { value: object, ...params }),
      indexes: [index],
      errorCode: key,
      property,
    });
  };

  body.dataValues.forEach((dv, index) => {
    const periodCode = dv.period ?? body.period;
    const unitCode = dv.orgUnit ?? body.orgUnit;
    if (!periodCode) return conflict(index, '', 'period', 'dv_missing', { field: 'period' });
    if (!unitCode) return conflict(index, '', 'orgUnit', 'dv_missing', { field: 'orgUnit' });
    if (!periods.has(periodCode)) periods.set(periodCode, parsePeriod(periodCode));
    const period = periods.get(periodCode);
    if (!period) return conflict(index, periodCode, 'period', 'dv_bad_period');
    const element = l.elements.get(dv.dataElement);
    if (!element) return conflict(index, dv.dataElement, 'dataElement', 'dv_unknown_element');
    const unit = unitFor(l.units.get(unitCode), period);
    if (!unit) return conflict(index, unitCode, 'orgUnit', 'dv_unknown_unit', { period: period.code });
    if (l.dataSet) {
      if (!l.dataSet.elementIds.has(element.id))
        return conflict(index, element.code, 'dataElement', 'dv_element_not_in_set', {
          dataSet: l.dataSet.code,
        });
      if (period.type !== l.dataSet.periodType)
        return conflict(index, period.code, 'period', 'dv_period_type', { periodType: l.dataSet.periodType });
      if (!l.ignoresExpiry && l.dataSet.expiryDays > 0 && addDays(period.end, l.dataSet.expiryDays) < l.today)
        return conflict(index, period.code, 'period', 'dv_expired', { days: l.dataSet.expiryDays });
    }
    if (period.start > l.today) return conflict(index, period.code, 'period', 'dv_future');
    if (!element.levels.includes(unit.kind))
      return conflict(index, unit.code, 'orgUnit', 'dv_unit_level', {
        kind: unit.kind,
        element: element.code,
      });
    if (!l.writable(unit.id)) {
      out.forbidden++;
      return conflict(index, unit.code, 'orgUnit', 'dv_unit_forbidden');
    }
    const key = `${element.id}|${period.code}|${unit.id}`;
    if (seen.has(key))
      return conflict(index, `${element.code}/${period.code}/${unit.code}`, 'dataValue', 'dv_duplicate');
    seen.add(key);
    const raw = dv.value;
    if (deleteAll || dv.deleted === true || raw === null || raw === undefined || raw === '') {
      out.deletions.push({ elementId: element.id, period: period.code, unitId: unit.id, index });
      return;
    }
    const parsed = parseValue(element.valueType, raw);
    if (!parsed)
      return conflict(index, String(raw).slice(0, 100), 'value', 'dv_bad_value', {
        valueType: VALUE_TYPE_LABELS[element.valueType][l.lang],
      });
    out.rows.push({
      index,
      elementId: element.id,
      period: period.code,
      unitId: unit.id,
      periodType: period.type,
      periodStart: period.start,
      periodEnd: period.end,
      value: parsed.value,
      num: parsed.num,
      comment: dv.comment?.trim() || null,
    });
  });
  return out;
}
