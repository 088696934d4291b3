// One rule for custom field values on every write path: the REST API and the web app send JSON
// values, CSV/Excel imports and flow nodes send text. Both come out as the stored form:
// text -> string, number -> number, date -> 'YYYY-MM-DD', dropdown -> one of its options (as
// defined), multi_select -> array of options, checkbox -> boolean. null clears a value.
import type { CustomFieldDefinition } from './custom-field-schemas.ts';
import { MAX_TEXT_FIELD_LENGTH } from './custom-field-schemas.ts';

export type StoredFieldValue = string | number | boolean | string[];
export type FieldValueResult = { ok: true; value: StoredFieldValue | null } | { ok: false; message: string };

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'on', 'checked']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'off', 'unchecked', '']);

/** A value from JSON (API, web app): typed values are taken as they are, text is parsed. */
export function parseFieldValue(field: CustomFieldDefinition, raw: unknown): FieldValueResult {
  if (raw === null || raw === undefined || raw === '') {
    return emptyValue(field);
  }
  switch (field.type) {
    case 'number':
      return typeof raw === 'number' ? finiteNumber(field, raw) : parseFieldText(field, String(raw));
    case 'checkbox':
      return typeof raw === 'boolean' ? { ok: true, value: raw } : parseFieldText(field, String(raw));
    case 'multi_select':
      if (Array.isArray(raw)) {
        return choices(
          field,
          raw.map((item) => String(item)),
        );
      }
      return parseFieldText(field, String(raw));
    default:
      return typeof raw === 'string' || typeof raw === 'number'
        ? parseFieldText(field, String(raw))
        : { ok: false, message: `${field.label} takes text, not ${describe(raw)}` };
  }
}

/** A value written as text (CSV/Excel cells, flow variables). Multi-select items are split on , or ;. */
export function parseFieldText(field: CustomFieldDefinition, text: string): FieldValueResult {
  const value = text.trim();
  if (value === '' && field.type !== 'checkbox') {
    return emptyValue(field);
  }
  switch (field.type) {
    case 'text':
      return value.length > MAX_TEXT_FIELD_LENGTH
        ? { ok: false, message: `${field.label} is longer than ${MAX_TEXT_FIELD_LENGTH} characters` }
        : { ok: true, value };
    case 'number': {
      const normalised = value.replace(/[\s_]/g, '');
      if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(normalised)) {
        return { ok: false, message: `${field.label} must be a number, not "${value}"` };
      }
      return finiteNumber(field, Number(normalised));
    }
    case 'date':
      return parseDate(field, value);
    case 'dropdown': {
      const option = field.options.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
      return option === undefined
        ? { ok: false, message: `${field.label} must be one of ${field.options.join(', ')}; "${value}" is not` }
        : { ok: true, value: option };
    }
    case 'multi_select':
      return choices(
        field,
        value
          .split(/[,;]/)
          .map((item) => item.trim())
          .filter((item) => item !== ''),
      );
    case 'checkbox': {
      const word = value.toLowerCase();
      if (TRUE_WORDS.has(word)) {
        return { ok: true, value: true };
      }
      if (FALSE_WORDS.has(word)) {
        return value === '' && field.required ? emptyValue(field) : { ok: true, value: false };
      }
      return { ok: false, message: `${field.label} must be yes or no, not "${value}"` };
    }
  }
}

/** Every required field has a value once these changes apply (creating a contact, or an import row). */
export function missingRequired(
  fields: CustomFieldDefinition[],
  values: Record<string, unknown>,
): CustomFieldDefinition[] {
  return fields.filter((field) => {
    if (!field.required) {
      return false;
    }
    const value = values[field.key];
    return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  });
}

function emptyValue(field: CustomFieldDefinition): FieldValueResult {
  return field.required ? { ok: false, message: `${field.label} is required` } : { ok: true, value: null };
}

function finiteNumber(field: CustomFieldDefinition, value: number): FieldValueResult {
  return Number.isFinite(value)
    ? { ok: true, value }
    : { ok: false, message: `${field.label} must be a finite number` };
}

function choices(field: CustomFieldDefinition, items: string[]): FieldValueResult {
  const picked: string[] = [];
  for (const item of items) {
    const option = field.options.find((candidate) => candidate.toLowerCase() === item.toLowerCase());
    if (option === undefined) {
      return { ok: false, message: `${field.label} takes ${field.options.join(', ')}; "${item}" is not one of them` };
    }
    if (!picked.includes(option)) {
      picked.push(option);
    }
  }
  return picked.length === 0 ? emptyValue(field) : { ok: true, value: picked };
}

// ISO dates (2026-03-01, or a timestamp whose date part is taken) and day-first 01/03/2026 or
// 1.3.2026: the product is used worldwide, and month-first is ambiguous, so it is not guessed.
function parseDate(field: CustomFieldDefinition, value: string): FieldValueResult {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(value);
  const dayFirst = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(value);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dayFirst
      ? [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])]
      : [NaN, NaN, NaN];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(date.getTime()) || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, message: `${field.label} must be a date like 2026-03-31 or 31/03/2026, not "${value}"` };
  }
  return { ok: true, value: date.toISOString().slice(0, 10) };
}

function describe(raw: unknown): string {
  return Array.isArray(raw) ? 'a list' : typeof raw;
}
