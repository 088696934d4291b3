// Delay: an amount and a unit on one line, and what that means in words.
import { NumberField } from '../controls/number-field.tsx';
import { SelectField } from '../controls/select-field.tsx';
import { fieldSpec } from '../inspector-fields.ts';
import { describeDuration } from '../model/durations.ts';
import { DELAY_UNIT_OPTIONS } from '../field-options.ts';
import type { EditorProps } from './editor-props.ts';

export function DelayEditor({ data, onChange }: EditorProps<'delay'>) {
  const amount = fieldSpec('delay', 'amount');
  const bounds = amount.kind === 'number' ? amount : { min: 0, max: 10_000, integer: true };
  return (
    <>
      <div className="inspector-row">
        <NumberField
          label={amount.label}
          path="amount"
          value={data.amount}
          min={bounds.min}
          max={bounds.max}
          integer={bounds.integer}
          onChange={(value) => onChange({ ...data, amount: value ?? 0 })}
        />
        <SelectField
          label={fieldSpec('delay', 'unit').label}
          path="unit"
          value={data.unit}
          options={DELAY_UNIT_OPTIONS}
          onChange={(unit) => onChange({ ...data, unit })}
        />
      </div>
      <p className="inspector-note">
        Waits {describeDuration(data.amount, data.unit)}, then goes on. The wait survives restarts; a customer’s
        messages in the meantime are kept for the next question.
      </p>
    </>
  );
}
