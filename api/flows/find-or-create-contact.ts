import type { TenantDb } from '#db/tenant-db';
import { AppError } from '../errors.ts';

/** The contact an API run addresses: by id, or by phone number (created when new). */
export async function findOrCreateContact(
  db: TenantDb,
  to: { contactId?: string | undefined; phone?: string | undefined },
): Promise<string> {
  if (to.contactId) {
    const contact = await db.contact.findUnique({ where: { id: to.contactId }, select: { id: true } });
    if (!contact) {
      throw AppError.field('contactId', 'is not a contact of this workspace', 'NOT_FOUND');
    }
    return contact.id;
  }
  const waId = (to.phone ?? '').replace(/^\+/, '');
  const contact = await db.contact.upsert({
    where: { tenantId_waId: { tenantId: db.tenantId, waId } },
    create: { tenantId: db.tenantId, waId, phone: `+${waId}` },
    update: {},
    select: { id: true },
  });
  return contact.id;
}
