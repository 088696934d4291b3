// When a scheduled message goes: an instant as given, or a local time read in the given zone, the
// contact's, or the workspace's. In the future and at most 30 days ahead, else 400 naming the field.
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { MAX_SCHEDULE_AHEAD_DAYS, MIN_SCHEDULE_AHEAD_SECONDS } from './schemas.ts';
import { zonedTimeToInstant } from './zoned-time.ts';

export type When = { sendAt?: Date | undefined; localTime?: string | undefined; timeZone?: string | undefined };

export async function resolveSendTime(
  when: When,
  ctx: TenantContext,
  defaults: { contactId: string; timeZone?: string },
): Promise<{ sendAt: Date; timeZone: string }> {
  const timeZone = when.timeZone ?? defaults.timeZone ?? (await defaultTimeZone(ctx, defaults.contactId));
  const field = when.localTime ? 'localTime' : 'sendAt';
  const sendAt = when.localTime ? zonedTimeToInstant(when.localTime, timeZone) : when.sendAt;
  if (!sendAt) {
    throw AppError.field('sendAt', 'is required (or localTime with a time zone)');
  }
  const ahead = sendAt.getTime() - Date.now();
  if (ahead < MIN_SCHEDULE_AHEAD_SECONDS * 1000) {
    throw AppError.field(field, `must be in the future (read in ${timeZone})`);
  }
  if (ahead > MAX_SCHEDULE_AHEAD_DAYS * 86_400_000) {
    throw AppError.field(field, `must be at most ${MAX_SCHEDULE_AHEAD_DAYS} days from now`);
  }
  return { sendAt, timeZone };
}

/** The contact's own zone when known, else the workspace's. */
async function defaultTimeZone(ctx: TenantContext, contactId: string): Promise<string> {
  const contact = await ctx.db.contact.findUnique({ where: { id: contactId }, select: { timeZone: true } });
  if (contact?.timeZone) {
    return contact.timeZone;
  }
  const settings = await ctx.db.settings.findUnique({
    where: { tenantId: ctx.db.tenantId },
    select: { timezone: true },
  });
  return settings?.timezone ?? 'UTC';
}
