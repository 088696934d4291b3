// A yes/no setting drawn as a switch, like the app's ToggleField.
import { useId, type ReactNode } from 'react';

type ToggleFieldProps = { label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: ReactNode };

export function ToggleField({ label, checked, onChange, hint }: ToggleFieldProps) {
  const id = useId();
  return (
    <div className="field toggle-field">
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <div>
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        {hint && (
          <p id={`${id}-hint`} className="field-hint">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}
