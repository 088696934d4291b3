// What a file's columns can fill: the contact's own fields and the workspace's custom fields.
// Suggests a mapping from the columns' names and checks a mapping before anything is validated
// or imported (400 naming `mapping` or `groupId`).
import type { TenantDb } from '#db/tenant-db';
import type { CustomFieldDefinition, CustomFieldType } from '../contacts/custom-field-schemas.ts';
import { AppError } from '../errors.ts';
import type { ContactTarget, ImportMapping, ImportOptions, ImportTargetOption } from './schemas.ts';

const CONTACT_LABELS: Record<ContactTarget, string> = {
  phone: 'Phone number',
  name: 'Name',
  email: 'E-mail',
  language: 'Language',
  timeZone: 'Time zone',
  optInStatus: 'Opt-in status',
  tags: 'Tags',
};

/** Column names (lowercase, letters and digits only) that mean a contact field. */
const SYNONYMS: Record<ContactTarget, string[]> = {
  phone: ['phone', 'phonenumber', 'mobile', 'mobilenumber', 'cell', 'whatsapp', 'whatsappnumber', 'number', 'tel'],
  name: ['name', 'fullname', 'contactname', 'contact'],
  email: ['email', 'emailaddress', 'mail'],
  language: ['language', 'lang', 'locale'],
  timeZone: ['timezone', 'tz', 'zone'],
  optInStatus: ['optin', 'optinstatus', 'consent', 'marketingconsent', 'subscribed'],
  tags: ['tags', 'tag', 'labels'],
};

export async function loadCustomFields(db: TenantDb): Promise<CustomFieldDefinition[]> {
  const rows = await db.customField.findMany({
    select: { key: true, label: true, type: true, options: true, required: true },
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
  });
  return rows.map((row) => ({ ...row, type: row.type as CustomFieldType }));
}

export function importTargets(fields: CustomFieldDefinition[]): ImportTargetOption[] {
  return [
    ...Object.entries(CONTACT_LABELS).map(([target, label]) => ({
      target,
      label,
      type: 'contact',
      required: target === 'phone',
    })),
    ...fields.map((field) => ({
      target: `fields.${field.key}`,
      label: field.label,
      type: field.type,
      required: field.required,
    })),
  ];
}

export function suggestMapping(headers: string[], fields: CustomFieldDefinition[]): ImportMapping {
  const taken = new Set<string>();
  const mapping: ImportMapping = {};
  for (const header of headers) {
    const simple = simplify(header);
    const contactTarget = (Object.keys(SYNONYMS) as ContactTarget[]).find((target) =>
      SYNONYMS[target].includes(simple),
    );
    const field = fields.find(
      (candidate) => simplify(candidate.key) === simple || simplify(candidate.label) === simple,
    );
    const target = contactTarget ?? (field ? `fields.${field.key}` : null);
    mapping[header] = target && !taken.has(target) ? target : null;
    if (target) {
      taken.add(target);
    }
  }
  return mapping;
}

/** 400 naming `mapping` (or `groupId`) unless the options fit the file and the workspace. */
export async function checkImportOptions(
  headers: string[],
  options: ImportOptions,
  fields: CustomFieldDefinition[],
  db: TenantDb,
): Promise<void> {
  const used = new Map<string, string>();
  for (const [column, target] of Object.entries(options.mapping)) {
    if (!headers.includes(column)) {
      throw AppError.field('mapping', `names a column the file does not have: "${column}"`);
    }
    if (!target) {
      continue;
    }
    if (target.startsWith('fields.') && !fields.some((field) => `fields.${field.key}` === target)) {
      throw AppError.field(
        'mapping',
        `"${column}" is mapped to ${target}, which is not a custom field of this workspace`,
      );
    }
    if (used.has(target)) {
      throw AppError.field('mapping', `"${used.get(target)}" and "${column}" are both mapped to ${target}`);
    }
    used.set(target, column);
  }
  if (!used.has('phone')) {
    throw AppError.field('mapping', 'map a column to the phone number: every contact needs one');
  }
  const unmapped = fields.filter((field) => field.required && !used.has(`fields.${field.key}`));
  if (unmapped.length > 0) {
    throw AppError.field(
      'mapping',
      `map a column to the required field${unmapped.length > 1 ? 's' : ''} ${unmapped.map((f) => f.label).join(', ')}`,
    );
  }
  if (
    options.groupId &&
    !(await db.contactGroup.findUnique({ where: { id: options.groupId }, select: { id: true } }))
  ) {
    throw AppError.field('groupId', 'is not a contact group of this workspace');
  }
}

function simplify(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}
