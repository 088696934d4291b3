// Numbers as people type them (a comma for a decimal point is fine), checked against the bounds
// the node's schema sets, so only a value it accepts reaches the node.
export type NumberRules = { min?: number; max?: number; integer?: boolean; optional?: boolean };

export function parseTypedNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.'));
}

/** Why the typed text is not an acceptable number, or null. */
export function numberProblem(text: string, { min, max, integer, optional }: NumberRules): string | null {
  if (text.trim() === '') {
    return optional ? null : 'Enter a number.';
  }
  const value = parseTypedNumber(text);
  const range = rangeText(min, max);
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    return `Enter a ${integer ? 'whole ' : ''}number${range}.`;
  }
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    return `Enter a number${range}.`;
  }
  return null;
}

function rangeText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) {
    return ` between ${min} and ${max}`;
  }
  return min !== undefined ? ` of at least ${min}` : max !== undefined ? ` of at most ${max}` : '';
}
