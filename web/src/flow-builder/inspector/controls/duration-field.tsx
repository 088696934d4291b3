// A duration stored in seconds, typed as an amount and a unit (5 minutes, 2 days).
import { useState, type ReactNode } from 'react';
import { describeDuration, DURATION_UNITS, splitDuration, toSeconds, type DurationUnit } from '../model/durations.ts';
import { FieldShell, fullLabel } from './field-shell.tsx';
import { numberProblem, parseTypedNumber } from '../model/numbers.ts';

type DurationFieldProps = {
  label: string;
  context?: string;
  path?: string;
  seconds: number;
  onChange: (seconds: number) => void;
  min: number;
  max: number;
  hint?: ReactNode;
};

type Typed = { unit: DurationUnit; text: string; /** The stored value this text was typed for. */ seconds: number };

function typedFrom(seconds: number): Typed {
  const { amount, unit } = splitDuration(seconds);
  return { unit, text: String(amount), seconds };
}

export function DurationField({ label, context, path, seconds, onChange, min, max, hint }: DurationFieldProps) {
  const [typed, setTyped] = useState(() => typedFrom(seconds));
  // A change from elsewhere (undo, another node) replaces what was typed.
  const current = typed.seconds === seconds ? typed : typedFrom(seconds);
  if (current !== typed) {
    setTyped(current);
  }
  const { unit, text } = current;
  const problemOf = (value: string, u: DurationUnit) =>
    numberProblem(value, {}) ?? rangeProblem(parseTypedNumber(value), u, min, max);
  const problem = problemOf(text, unit);
  const range = `From ${describeDuration(min, 'seconds')} to ${describeDuration(splitDuration(max).amount, splitDuration(max).unit)}.`;
  const update = (nextText: string, nextUnit: DurationUnit) => {
    const next = toSeconds(parseTypedNumber(nextText), nextUnit);
    const isValid = problemOf(nextText, nextUnit) === null;
    setTyped({ unit: nextUnit, text: nextText, seconds: isValid ? next : seconds });
    if (isValid && next !== seconds) {
      onChange(next);
    }
  };
  return (
    <FieldShell label={label} context={context} path={path} hint={hint} problem={problem}>
      {({ id, control }) => (
        <div className="inspector-inline">
          <input
            type="text"
            inputMode="decimal"
            className="input inspector-number"
            value={text}
            onChange={(event) => update(event.target.value, unit)}
            {...control}
            aria-describedby={[control['aria-describedby'], `${id}-range`].filter(Boolean).join(' ')}
          />
          <select
            className="input select inspector-unit-select"
            aria-label={`${fullLabel(label, context)}: unit`}
            value={unit}
            onChange={(event) => update(text, event.target.value as DurationUnit)}
          >
            {DURATION_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </select>
          <span id={`${id}-range`} className="visually-hidden">
            {range}
          </span>
        </div>
      )}
    </FieldShell>
  );
}

function rangeProblem(amount: number, unit: DurationUnit, min: number, max: number): string | null {
  const seconds = toSeconds(amount, unit);
  if (seconds >= min && seconds <= max) {
    return null;
  }
  const most = splitDuration(max);
  return seconds < min
    ? `Enter at least ${min} second${min === 1 ? '' : 's'}.`
    : `At most ${most.amount} ${most.unit}.`;
}
