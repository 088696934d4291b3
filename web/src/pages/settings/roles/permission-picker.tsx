import type { Permission } from '#api/auth/permissions';
import { fieldErrorText } from '../../../forms/field.tsx';
import { PERMISSION_GROUPS } from './permission-groups.ts';

type PermissionPickerProps = {
  value: Permission[];
  onChange: (next: Permission[]) => void;
  /** Permissions the editor may grant: nobody hands out more than they hold. */
  grantable: Permission[];
  readOnly?: boolean;
  error?: string;
};

export function PermissionPicker({ value, onChange, grantable, readOnly = false, error }: PermissionPickerProps) {
  const toggle = (name: Permission, isOn: boolean) =>
    onChange(isOn ? [...value, name] : value.filter((p) => p !== name));

  return (
    <div className="permission-picker" role="group" aria-label="Permissions">
      {error && (
        <p className="field-error" role="alert">
          {fieldErrorText('Permissions', error)}
        </p>
      )}
      {PERMISSION_GROUPS.map((group) => (
        <fieldset key={group.key} className="permission-group">
          <legend>{group.label}</legend>
          {group.permissions.map(({ name, description }) => {
            const canGrant = grantable.includes(name);
            return (
              <label key={name} className="permission-option" title={canGrant ? undefined : 'Your role lacks this'}>
                <input
                  type="checkbox"
                  checked={value.includes(name)}
                  disabled={readOnly || !canGrant}
                  onChange={(event) => toggle(name, event.target.checked)}
                />
                <span>
                  <span className="permission-description">{description}</span>
                  <code className="permission-name">{name}</code>
                </span>
              </label>
            );
          })}
        </fieldset>
      ))}
    </div>
  );
}
