// Custom field values on the API's write paths: every key must be a defined field, every value is
// parsed by its field's type (field-values.ts), and creating a contact needs every required field.
// Errors name `fields.<key>`, all of them at once.
import type { TenantDb } from '#db/tenant-db';
import { AppError, type FieldIssue } from '../errors.ts';
import type { CustomFieldDefinition, CustomFieldType } from './custom-field-schemas.ts';
import { missingRequired, parseFieldValue, type StoredFieldValue } from './field-values.ts';

export async function loadFieldDefinitions(db: TenantDb): Promise<CustomFieldDefinition[]> {
  const rows = await db.customField.findMany({
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
    select: { key: true, label: true, type: true, options: true, required: true },
  });
  return rows.map((row) => ({ ...row, type: row.type as CustomFieldType }));
}

/**
 * The stored form of the given values (null: clear the value), or a 400 naming each bad key.
 * `complete`: the values are the contact's whole set (creating), so required fields must be there.
 */
export function validateFieldValues(
  definitions: CustomFieldDefinition[],
  values: Record<string, unknown>,
  options: { complete: boolean },
): Record<string, StoredFieldValue | null> {
  const byKey = new Map(definitions.map((field) => [field.key, field]));
  const issues: FieldIssue[] = [];
  const parsed: Record<string, StoredFieldValue | null> = {};
  for (const [key, raw] of Object.entries(values)) {
    const field = byKey.get(key);
    if (!field) {
      issues.push({ field: `fields.${key}`, in: 'body', message: `There is no custom field "${key}"` });
      continue;
    }
    const result = parseFieldValue(field, raw);
    if (result.ok) {
      parsed[key] = result.value;
    } else {
      issues.push({ field: `fields.${key}`, in: 'body', message: result.message });
    }
  }
  if (options.complete) {
    for (const field of missingRequired(definitions, parsed)) {
      if (!issues.some((issue) => issue.field === `fields.${field.key}`)) {
        issues.push({ field: `fields.${field.key}`, in: 'body', message: `${field.label} is required` });
      }
    }
  }
  if (issues.length > 0) {
    const summary = issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
    throw new AppError('VALIDATION_FAILED', `Invalid request: ${summary}`, { fields: issues });
  }
  return parsed;
}

/** The contact's values with the changes applied; null removes a key. */
export function mergeFieldValues(
  current: Record<string, unknown>,
  changes: Record<string, StoredFieldValue | null>,
): Record<string, unknown> {
  const merged = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) {
      delete merged[key];
    } else {
      merged[key] = value;
    }
  }
  return merged;
}
