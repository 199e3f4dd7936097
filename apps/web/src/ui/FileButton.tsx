import { forwardRef, useId, useState, type InputHTMLAttributes } from 'react';
import { useT } from '../i18n/index.tsx';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'id'> {
  id?: string;
  /** Text of the button (default "Chọn tệp…" / "Choose a file…"). */
  buttonLabel?: string;
  /** Show the chosen file's name next to the button (not for inputs that upload at once). */
  showName?: boolean;
}

/**
 * A file input whose button speaks the UI's language: the native input stays in the page (keyboard focus,
 * screen readers, the phone's file chooser) but is hidden; a label styled as a button opens it.
 */
export const FileButton = forwardRef<HTMLInputElement, Props>(function FileButton(
  { id, buttonLabel, showName = true, onChange, className, ...input },
  ref,
) {
  const t = useT();
  const auto = useId();
  const inputId = id ?? auto;
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <span className={['file-button', className].filter(Boolean).join(' ')}>
      <input
        ref={ref}
        id={inputId}
        type="file"
        className="file-native"
        onChange={(e) => {
          setChosen(e.target.files?.[0]?.name ?? null);
          onChange?.(e);
        }}
        {...input}
      />
      <label htmlFor={inputId} className="button button-secondary file-label">
        {buttonLabel ?? t('input.chooseFile')}
      </label>
      {showName && <span className="file-name muted">{chosen ?? t('input.noFile')}</span>}
    </span>
  );
});
