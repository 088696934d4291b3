// Turns a file's rows into contacts, column by column, with the same rules as every other write
// path: phones through normalisePhone (with the import's default country), custom fields through
// parseFieldText. A row with any error is rejected whole; the first row with a phone number wins
// and later rows with the same number are rejected as duplicates.
import type { CustomFieldDefinition } from '../contacts/custom-field-schemas.ts';
import { parseFieldText, type StoredFieldValue } from '../contacts/field-values.ts';
import { normalisePhone } from '../contacts/phone.ts';
import type { ImportMapping, RowError } from './schemas.ts';

export type ImportedContact = {
  waId: string;
  phone: string;
  name: string | null;
  email: string | null;
  language: string | null;
  timeZone: string | null;
  optInStatus: 'opted_in' | 'opted_out' | null;
  fields: Record<string, StoredFieldValue>;
  tags: string[];
};

export type ValidatedRows = {
  /** Contacts by row index (0 = the first row under the header); null where the row is rejected. */
  contacts: Array<ImportedContact | null>;
  errors: RowError[];
  rejectedRows: number;
};

type Setter = (contact: ImportedContact, text: string) => string | null;

const MAX_NAME = 200;
const MAX_TAGS = 50;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LANGUAGE = /^[a-z]{2,3}([_-][A-Za-z0-9]{2,8})*$/;
const OPTED_IN = new Set(['opted_in', 'opted in', 'optin', 'yes', 'y', 'true', '1', 'subscribed']);
const OPTED_OUT = new Set(['opted_out', 'opted out', 'optout', 'no', 'n', 'false', '0', 'unsubscribed']);

export function validateRows(
  headers: string[],
  rows: string[][],
  mapping: ImportMapping,
  fields: CustomFieldDefinition[],
  defaultCountry: string | null,
): ValidatedRows {
  const setters = headers.map((header) => setterFor(mapping[header] ?? null, fields, defaultCountry));
  const firstRowOf = new Map<string, number>();
  const errors: RowError[] = [];
  let rejectedRows = 0;
  const contacts = rows.map((cells, index) => {
    const row = index + 2;
    const contact = emptyContact();
    const rowErrors: RowError[] = [];
    for (const [column, setter] of setters.entries()) {
      const message = setter?.(contact, cells[column] ?? '');
      if (message) {
        rowErrors.push({ row, column: headers[column]!, message });
      }
    }
    const earlier = contact.waId ? firstRowOf.get(contact.waId) : undefined;
    if (rowErrors.length === 0 && earlier !== undefined) {
      rowErrors.push({ row, column: null, message: `${contact.phone} is already in row ${earlier} of this file` });
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      rejectedRows += 1;
      return null;
    }
    firstRowOf.set(contact.waId, row);
    return contact;
  });
  return { contacts, errors, rejectedRows };
}

function setterFor(
  target: string | null,
  fields: CustomFieldDefinition[],
  defaultCountry: string | null,
): Setter | null {
  if (target?.startsWith('fields.')) {
    const field = fields.find((candidate) => `fields.${candidate.key}` === target);
    return field ? fieldSetter(field) : null;
  }
  switch (target) {
    case 'phone':
      return (contact, text) => {
        const phone = normalisePhone(text, defaultCountry ?? undefined);
        if (!phone.ok) {
          return phone.message;
        }
        contact.phone = phone.phone;
        contact.waId = phone.waId;
        return null;
      };
    case 'name':
      return optionalText((contact, value) => {
        contact.name = value.slice(0, MAX_NAME);
        return null;
      });
    case 'email':
      return optionalText((contact, value) =>
        EMAIL.test(value) && value.length <= 254
          ? ((contact.email = value.toLowerCase()), null)
          : `"${value}" is not an e-mail address`,
      );
    case 'language':
      return optionalText((contact, value) =>
        LANGUAGE.test(value)
          ? ((contact.language = value), null)
          : `"${value}" is not a language code like en or pt_BR`,
      );
    case 'timeZone':
      return optionalText((contact, value) =>
        isTimeZone(value) ? ((contact.timeZone = value), null) : `"${value}" is not a time zone like Europe/Paris`,
      );
    case 'optInStatus':
      return optionalText((contact, value) => {
        const word = value.toLowerCase();
        contact.optInStatus = OPTED_IN.has(word) ? 'opted_in' : OPTED_OUT.has(word) ? 'opted_out' : null;
        return contact.optInStatus ? null : `"${value}" is not an opt-in status (use opted_in or opted_out, yes or no)`;
      });
    case 'tags':
      return optionalText((contact, value) => {
        const tags = value
          .split(/[,;]/)
          .map((tag) => tag.trim())
          .filter((tag) => tag !== '');
        if (tags.length > MAX_TAGS || tags.some((tag) => tag.length > 50)) {
          return `Tags take at most ${MAX_TAGS} tags of up to 50 characters each`;
        }
        contact.tags = [...new Set([...contact.tags, ...tags])];
        return null;
      });
    default:
      return null;
  }
}

function fieldSetter(field: CustomFieldDefinition): Setter {
  return (contact, text) => {
    const parsed = parseFieldText(field, text);
    if (!parsed.ok) {
      return parsed.message;
    }
    if (parsed.value !== null) {
      contact.fields[field.key] = parsed.value;
    }
    return null;
  };
}

/** An empty cell leaves the contact's value as it is; otherwise `set` takes the trimmed text. */
function optionalText(set: Setter): Setter {
  return (contact, text) => {
    const value = text.trim();
    return value === '' ? null : set(contact, value);
  };
}

const knownZones = new Map<string, boolean>();

function isTimeZone(value: string): boolean {
  let known = knownZones.get(value);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      known = value.includes('/') || value === 'UTC';
    } catch {
      known = false;
    }
    if (knownZones.size < 1000) {
      knownZones.set(value, known);
    }
  }
  return known;
}

function emptyContact(): ImportedContact {
  return {
    waId: '',
    phone: '',
    name: null,
    email: null,
    language: null,
    timeZone: null,
    optInStatus: null,
    fields: {},
    tags: [],
  };
}
