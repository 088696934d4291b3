// Creating and editing contacts: the phone is normalised to E.164 (a number already in the
// workspace is a 409 naming `phone`), custom field values are validated by type, and changing the
// opt-in status records where and when consent changed.
import { Prisma } from '#db/client';
import { isUniqueViolation } from '#db/errors';
import type { TenantContext } from '../context.ts';
import { emitContactChanges, emitContactCreated } from '../events/contact-events.ts';
import { AppError } from '../errors.ts';
import { loadFieldDefinitions, mergeFieldValues, validateFieldValues } from './contact-fields.ts';
import { contactSelect, fieldsOf, getVisibleContactRow, toContactView } from './contact-view.ts';
import { contactVisibility, contactVisibilitySql, isGroupVisible } from './contact-visibility.ts';
import { normalisePhone } from './phone.ts';
import type { BulkTagContactsInput, ContactView, CreateContactInput, UpdateContactInput } from './schemas.ts';

export async function createContact(input: CreateContactInput, ctx: TenantContext): Promise<ContactView> {
  const phone = parsePhone(input.phone);
  const definitions = await loadFieldDefinitions(ctx.db);
  const fields = mergeFieldValues({}, validateFieldValues(definitions, input.fields ?? {}, { complete: true }));
  const visibility = await contactVisibility(ctx);
  const groupIds = [...new Set(input.groupIds ?? [])];
  if (groupIds.length > 0) {
    const found = await ctx.db.contactGroup.findMany({ where: { id: { in: groupIds } }, select: { id: true } });
    const known = new Set(found.map((group) => group.id).filter((id) => isGroupVisible(visibility, id)));
    const missing = groupIds.findIndex((id) => !known.has(id));
    if (missing >= 0) {
      throw AppError.field(`groupIds.${missing}`, 'is not a group of this workspace');
    }
  }
  const optedIn = input.optInStatus !== undefined && input.optInStatus !== 'unknown';
  const row = await ctx.db.contact
    .create({
      data: {
        tenantId: ctx.db.tenantId,
        phone: phone.phone,
        waId: phone.waId,
        name: input.name || null,
        email: input.email ?? null,
        language: input.language ?? null,
        timeZone: input.timeZone ?? null,
        optInStatus: input.optInStatus ?? 'unknown',
        optInSource: optedIn ? (input.optInSource ?? defaultSource(ctx)) : null,
        optInAt: optedIn ? new Date() : null,
        tags: unique(input.tags ?? []),
        fields: fields as Prisma.InputJsonObject,
        groups: { create: groupIds.map((groupId) => ({ tenantId: ctx.db.tenantId, groupId })) },
      },
      select: contactSelect,
    })
    .catch((error: unknown) => {
      throw duplicatePhone(error);
    });
  emitContactCreated(ctx.services, ctx.db.tenantId, row);
  return toContactView(row, visibility);
}

export async function updateContact(id: string, input: UpdateContactInput, ctx: TenantContext): Promise<ContactView> {
  const { row: current, visibility } = await getVisibleContactRow(id, ctx);
  const phone = input.phone === undefined ? null : parsePhone(input.phone);
  let fields: Record<string, unknown> | undefined;
  if (input.fields !== undefined) {
    const definitions = await loadFieldDefinitions(ctx.db);
    fields = mergeFieldValues(
      fieldsOf(current.fields),
      validateFieldValues(definitions, input.fields, { complete: false }),
    );
  }
  const statusChanged = input.optInStatus !== undefined && input.optInStatus !== current.optInStatus;
  const row = await ctx.db.contact
    .update({
      where: { id },
      data: {
        ...(phone ? { phone: phone.phone, waId: phone.waId } : {}),
        ...(input.name !== undefined ? { name: input.name || null } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.language !== undefined ? { language: input.language } : {}),
        ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
        ...(statusChanged
          ? {
              optInStatus: input.optInStatus,
              optInSource: input.optInSource ?? defaultSource(ctx),
              optInAt: new Date(),
            }
          : input.optInSource !== undefined
            ? { optInSource: input.optInSource }
            : {}),
        ...(input.tags !== undefined ? { tags: unique(input.tags) } : {}),
        ...(fields !== undefined ? { fields: fields as Prisma.InputJsonObject } : {}),
      },
      select: contactSelect,
    })
    .catch((error: unknown) => {
      throw duplicatePhone(error);
    });
  emitContactChanges(ctx.services, ctx.db.tenantId, current, row);
  return toContactView(row, visibility);
}

/** Adds and removes tags on the selected contacts the caller may see; answers how many changed. */
export async function bulkTagContacts(input: BulkTagContactsInput, ctx: TenantContext): Promise<{ updated: number }> {
  const visibility = await contactVisibility(ctx);
  const add = unique(input.add);
  const remove = input.remove.filter((tag) => !add.includes(tag));
  // The tags before the change come back with each row, for the contact events.
  const rows = await ctx.db.transaction(
    (tx) =>
      tx.$queryRaw<
        Array<{
          id: string;
          phone: string;
          name: string | null;
          profileName: string | null;
          before: string[];
          tags: string[];
        }>
      >`
      UPDATE "Contact" c SET "updatedAt" = now(), tags = ARRAY(
        SELECT t FROM unnest(c.tags || ${add}::text[]) WITH ORDINALITY AS u(t, n)
        WHERE t <> ALL(${remove}::text[]) GROUP BY t ORDER BY min(n))
      FROM (SELECT id, tags FROM "Contact" WHERE "tenantId" = ${ctx.db.tenantId}::uuid AND id = ANY(${input.ids}::uuid[])
        FOR UPDATE) old
      WHERE c.id = old.id AND c."tenantId" = ${ctx.db.tenantId}::uuid
        AND ${contactVisibilitySql(visibility, Prisma.sql`c.id`)}
      RETURNING c.id, c.phone, c.name, c."profileName", old.tags AS before, c.tags`,
  );
  for (const row of rows) {
    emitContactChanges(ctx.services, ctx.db.tenantId, { ...row, tags: row.before }, row);
  }
  const updated = rows.length;
  return { updated };
}

function parsePhone(text: string): { phone: string; waId: string } {
  const result = normalisePhone(text);
  if (!result.ok) {
    throw AppError.field('phone', result.message);
  }
  return result;
}

function duplicatePhone(error: unknown): unknown {
  return isUniqueViolation(error)
    ? AppError.field('phone', 'A contact with this phone number already exists', 'CONFLICT')
    : error;
}

function defaultSource(ctx: TenantContext): string {
  return ctx.principal.kind === 'apiKey' ? 'api' : 'manual';
}

function unique(tags: string[]): string[] {
  return [...new Set(tags)];
}
