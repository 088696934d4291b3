// The contact events (contact.created, contact.updated, contact.tag_added) from a contact before
// and after a change, so every writer (API, imports, flows) reports changes the same way:
// top-level attributes by name, custom fields as `fields.<key>`, and each tag added on its own.
import type { TenantDb } from '#db/tenant-db';
import { emitEvent, type EventDeps } from './emit-event.ts';
import type { EventPayload } from './schemas.ts';

export type ContactSnapshot = {
  id: string;
  phone: string;
  name: string | null;
  profileName?: string | null;
  email?: string | null;
  language?: string | null;
  timeZone?: string | null;
  optInStatus?: string;
  fields?: unknown;
  tags?: string[];
};

/** Attributes compared for contact.updated; `fields` and `tags` are compared apart. */
const ATTRIBUTES = ['phone', 'name', 'email', 'language', 'timeZone', 'optInStatus'] as const;

/** The contact as events name it: the name an agent saved wins over the WhatsApp profile name. */
export function contactRefOf(contact: Pick<ContactSnapshot, 'id' | 'phone' | 'name' | 'profileName'>) {
  return { id: contact.id, phone: contact.phone, name: contact.name ?? contact.profileName ?? null };
}

export function emitContactCreated(deps: EventDeps, tenantId: string, contact: ContactSnapshot): void {
  void emitEvent(deps, tenantId, 'contact.created', { contact: contactRefOf(contact) });
}

/**
 * contact.updated when anything changed (an attribute missing from `before` or `after` is not
 * compared), then contact.tag_added for each tag `after` has and `before` had not.
 */
export function emitContactChanges(
  deps: EventDeps,
  tenantId: string,
  before: ContactSnapshot,
  after: ContactSnapshot,
): void {
  const contact = contactRefOf(after);
  const changes = contactChanges(before, after);
  if (changes.length > 0) {
    void emitEvent(deps, tenantId, 'contact.updated', { contact, changes });
  }
  const had = new Set(before.tags ?? []);
  for (const tag of after.tags ?? []) {
    if (before.tags && !had.has(tag)) {
      void emitEvent(deps, tenantId, 'contact.tag_added', { contact, tag });
    }
  }
}

export function contactChanges(
  before: ContactSnapshot,
  after: ContactSnapshot,
): EventPayload<'contact.updated'>['changes'] {
  const changes: EventPayload<'contact.updated'>['changes'] = [];
  for (const attribute of ATTRIBUTES) {
    if (attribute in before && attribute in after && !same(before[attribute], after[attribute])) {
      changes.push({ attribute, from: before[attribute] ?? null, to: after[attribute] ?? null });
    }
  }
  if (before.tags && after.tags && !same([...before.tags].sort(), [...after.tags].sort())) {
    changes.push({ attribute: 'tags', from: before.tags, to: after.tags });
  }
  if ('fields' in before && 'fields' in after) {
    const from = objectOf(before.fields);
    const to = objectOf(after.fields);
    for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
      if (!same(from[key], to[key])) {
        changes.push({ attribute: `fields.${key}`, from: from[key] ?? null, to: to[key] ?? null });
      }
    }
  }
  return changes;
}

function objectOf(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The contact with this WhatsApp id, created when new (and then announced as contact.created):
 * for API sends and flow runs addressed to a phone number. Insert-or-nothing first, so two
 * requests for the same new number announce it once.
 */
export async function ensureContact(db: TenantDb, deps: EventDeps, waId: string): Promise<string> {
  const { count } = await db.contact.createMany({
    data: [{ tenantId: db.tenantId, waId, phone: `+${waId}` }],
    skipDuplicates: true,
  });
  const contact = await db.contact.findUniqueOrThrow({
    where: { tenantId_waId: { tenantId: db.tenantId, waId } },
    select: { id: true, phone: true, name: true, profileName: true },
  });
  if (count > 0) {
    emitContactCreated(deps, db.tenantId, contact);
  }
  return contact.id;
}
