import { useState } from 'react';

type NumberInputProps = {
  label: string;
  value: number | null;
  min: number;
  placeholder?: string;
  disabled?: boolean;
  /** Called when the field is left with a changed value; null when emptied. */
  onSave: (value: number | null) => void;
};

/** A whole number saved when the field is left (empty: null, e.g. "use the default"). */
export function NumberInput({ label, value, min, placeholder, disabled, onSave }: NumberInputProps) {
  const [text, setText] = useState(value === null ? '' : String(value));
  return (
    <input
      className="input input-sm"
      type="number"
      inputMode="numeric"
      min={min}
      aria-label={label}
      placeholder={placeholder}
      value={text}
      disabled={disabled}
      onChange={(event) => setText(event.target.value)}
      onBlur={() => {
        const next = text.trim() === '' ? null : Math.max(min, Math.round(Number(text)));
        if (next !== value && (next === null || Number.isFinite(next))) {
          onSave(next);
        }
      }}
    />
  );
}
