import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/index.tsx';
import { FieldError } from './Field.tsx';
import { autoSlash, displayToIso, isoToDisplay } from './dates.ts';

interface Props {
  label: string;
  /** ISO 'YYYY-MM-DD' or ''. */
  value: string;
  /** Called with ISO 'YYYY-MM-DD', or '' while the text is empty or not yet a real date. */
  onChange: (iso: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  name?: string;
  id?: string;
  required?: boolean;
  min?: string | undefined;
  max?: string | undefined;
  disabled?: boolean;
  className?: string;
}

/**
 * A date field that shows and accepts day/month/year in both languages, whatever the browser's locale
 * (a native `<input type=date>` follows the browser: an English browser shows mm/dd/yyyy). Typing works
 * with the numeric keypad on phones (slashes come by themselves); the calendar button opens the browser's
 * own picker. The form gets ISO dates.
 */
export function DateInput({
  label,
  value,
  onChange,
  hint,
  error,
  name,
  id,
  required,
  min,
  max,
  disabled,
  className,
}: Props) {
  const t = useT();
  const auto = useId();
  const inputId = id ?? auto;
  const [text, setText] = useState(() => isoToDisplay(value));
  const [invalid, setInvalid] = useState(false);
  const emitted = useRef(value);
  const picker = useRef<HTMLInputElement>(null);

  // a new value from outside (reset, URL) replaces the text; our own emissions do not
  useEffect(() => {
    if (value !== emitted.current) {
      emitted.current = value;
      setText(isoToDisplay(value));
      setInvalid(false);
    }
  }, [value]);

  const emit = (iso: string) => {
    if (iso !== emitted.current) {
      emitted.current = iso;
      onChange(iso);
    }
  };
  const shownHint = hint ?? t('input.dateHint');
  const message = error ?? (invalid ? t('input.dateInvalid') : undefined);
  const hintId = `${inputId}-hint`;
  const errorId = message ? `${inputId}-error` : undefined;

  return (
    <div className={['field', 'date-field', className].filter(Boolean).join(' ')}>
      <label htmlFor={inputId}>{label}</label>
      <p className="field-hint" id={hintId}>
        {shownHint}
      </p>
      <div className="date-input">
        <input
          id={inputId}
          name={name}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('input.datePlaceholder')}
          maxLength={10}
          required={required}
          disabled={disabled}
          value={text}
          aria-invalid={message ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(' ')}
          onChange={(e) => {
            const next = autoSlash(e.target.value, text);
            setText(next);
            const iso = displayToIso(next);
            if (iso !== null) setInvalid(false);
            emit(iso ?? '');
          }}
          onBlur={() => {
            const iso = displayToIso(text);
            setInvalid(iso === null);
            if (iso) setText(isoToDisplay(iso));
          }}
        />
        <button
          type="button"
          className="button button-secondary date-picker-button"
          aria-label={t('input.datePicker')}
          title={t('input.datePicker')}
          disabled={disabled}
          onClick={() => {
            const el = picker.current;
            if (!el) return;
            try {
              el.showPicker();
            } catch {
              el.focus();
            }
          }}
        >
          <svg
            aria-hidden="true"
            width="20"
            height="20"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          >
            <rect x="3" y="5" width="18" height="16" rx="2" />
            <path d="M3 10h18M8 3v4M16 3v4" />
          </svg>
        </button>
        <input
          ref={picker}
          type="date"
          className="date-native"
          tabIndex={-1}
          aria-hidden="true"
          min={min}
          max={max}
          value={displayToIso(text) ?? ''}
          onChange={(e) => {
            setText(isoToDisplay(e.target.value));
            setInvalid(false);
            emit(e.target.value);
          }}
        />
      </div>
      <FieldError id={errorId}>{message}</FieldError>
    </div>
  );
}
