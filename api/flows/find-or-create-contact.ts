import type { TenantDb } from '#db/tenant-db';
import { AppError } from '../errors.ts';
import { ensureContact } from '../events/contact-events.ts';
import type { EventDeps } from '../events/emit-event.ts';

/** The contact an API run addresses: by id, or by phone number (created when new). */
export async function findOrCreateContact(
  db: TenantDb,
  to: { contactId?: string | undefined; phone?: string | undefined },
  services: EventDeps,
): Promise<string> {
  if (to.contactId) {
    const contact = await db.contact.findUnique({ where: { id: to.contactId }, select: { id: true } });
    if (!contact) {
      throw AppError.field('contactId', 'is not a contact of this workspace', 'NOT_FOUND');
    }
    return contact.id;
  }
  return ensureContact(db, services, (to.phone ?? '').replace(/^\+/, ''));
}
