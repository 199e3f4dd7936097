import { orgRoutes, type OrgUnit, type OrgUnitKind } from '@pilotage/contracts';
import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { call } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { FieldError } from '../../ui/Field.tsx';
import { useDebounced } from '../../ui/useDebounced.ts';
import { useProvinceNames, useUnitName } from './org.ts';

export interface OrgUnitPickerProps {
  label: string;
  value: OrgUnit | null;
  onChange: (unit: OrgUnit | null) => void;
  /** Offer only units of this kind. */
  kind?: OrgUnitKind;
  hint?: string;
  error?: string | undefined;
  id?: string;
  /** Name of a hidden input carrying the chosen unit id (for plain form submission). */
  name?: string;
  limit?: number;
}

/**
 * Combobox to choose one org unit of the caller's scope (WAI-ARIA 1.2 combobox + listbox pattern).
 * Typing searches the server, diacritic-insensitively; ↓/↑ move, Enter chooses, Escape closes then clears
 * the typing, Tab leaves. Focus stays in the input; the active option is announced via aria-activedescendant.
 */
export function OrgUnitPicker({
  label,
  value,
  onChange,
  kind,
  hint,
  error,
  id,
  name,
  limit = 20,
}: OrgUnitPickerProps) {
  const t = useT();
  const nameOf = useUnitName();
  const provinces = useProvinceNames();
  const auto = useId();
  const inputId = id ?? `picker-${auto}`;
  const listId = `${inputId}-list`;
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const q = useDebounced(query.trim(), 200);

  const { data, isFetching } = useQuery({
    queryKey: ['org-pick', q, kind ?? null, limit],
    queryFn: () => call(orgRoutes.list, { query: { ...(q ? { q } : {}), ...(kind ? { kind } : {}), limit } }),
    enabled: open,
    staleTime: 60_000,
    placeholderData: (previous) => previous,
  });
  const options = open ? (data?.items ?? []) : [];
  const activeOption = active >= 0 ? options[active] : undefined;

  const describe = (unit: OrgUnit) => {
    const province = unit.kind === 'commune' && unit.parentId ? provinces.get(unit.parentId) : undefined;
    return province ? `${t(`kind.${unit.kind}`)} · ${nameOf(province)}` : t(`kind.${unit.kind}`);
  };

  const choose = (unit: OrgUnit) => {
    onChange(unit);
    setEditing(false);
    setQuery('');
    setOpen(false);
    setActive(-1);
  };

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) setOpen(true);
        setActive((i) => (options.length ? (i + 1) % options.length : -1));
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (!open) setOpen(true);
        setActive((i) => (options.length ? (i <= 0 ? options.length - 1 : i - 1) : -1));
        break;
      case 'Home':
      case 'End':
        if (open && options.length && active >= 0) {
          e.preventDefault();
          setActive(e.key === 'Home' ? 0 : options.length - 1);
        }
        break;
      case 'Enter':
        if (open) {
          e.preventDefault();
          const pick = activeOption ?? (options.length === 1 ? options[0] : undefined);
          if (pick) choose(pick);
        }
        break;
      case 'Escape':
        if (open) {
          e.preventDefault();
          close();
        } else if (editing) {
          e.preventDefault();
          setEditing(false);
          setQuery('');
        }
        break;
      case 'Tab':
        close();
        break;
    }
  };

  const text = editing ? query : value ? nameOf(value) : '';
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const statusText =
    !open || isFetching
      ? ''
      : options.length
        ? t('picker.count', { count: data?.total ?? 0 })
        : t('picker.none');

  return (
    <div className="field picker">
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="picker-control">
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeOption ? `${listId}-${activeOption.id}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
          placeholder={t('picker.placeholder')}
          value={text}
          onChange={(e) => {
            setEditing(true);
            setQuery(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onClick={() => setOpen(true)}
          onBlur={() => {
            close();
            setEditing(false);
            setQuery('');
          }}
        />
        {value && (
          <button
            type="button"
            className="picker-clear"
            aria-label={t('picker.clear')}
            title={t('picker.clear')}
            onClick={() => {
              onChange(null);
              inputRef.current?.focus();
            }}
          >
            ×
          </button>
        )}
      </div>
      {name && <input type="hidden" name={name} value={value?.id ?? ''} />}
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        className="picker-list"
        hidden={!open || options.length === 0}
      >
        {options.map((unit, i) => (
          <li
            key={unit.id}
            id={`${listId}-${unit.id}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(unit)}
          >
            <span className="picker-name">{nameOf(unit)}</span>
            <span className="picker-meta">{describe(unit)}</span>
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status" aria-live="polite">
        {statusText}
      </p>
      <FieldError id={errorId}>{error}</FieldError>
    </div>
  );
}
