import type { Role } from '@pilotage/contracts';
import { useT } from '../i18n/index.tsx';
import { FieldError } from './Field.tsx';

interface Props {
  legend: string;
  options: readonly Role[];
  value: readonly Role[];
  onChange: (roles: Role[]) => void;
  error?: string | undefined;
}

/** A fieldset of role checkboxes, labelled in the UI language. */
export function RoleCheckboxes({ legend, options, value, onChange, error }: Props) {
  const t = useT();
  return (
    <fieldset className="field checkbox-group" aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      <div className="checkbox-list">
        {options.map((role) => (
          <label key={role} className="checkbox">
            <input
              type="checkbox"
              name="roles"
              value={role}
              checked={value.includes(role)}
              onChange={(e) =>
                onChange(e.target.checked ? [...value, role] : value.filter((r) => r !== role))
              }
            />
            {t(`role.${role}`)}
          </label>
        ))}
      </div>
      <FieldError>{error}</FieldError>
    </fieldset>
  );
}

export function RoleList({ roles }: { roles: readonly Role[] }) {
  const t = useT();
  return (
    <ul className="tags">
      {roles.map((r) => (
        <li key={r} className="tag">
          {t(`role.${r}`)}
        </li>
      ))}
    </ul>
  );
}
