// The facts triggers test about an inbound message, read lazily and at most once each.
import type pg from 'pg';
import { businessHoursSchema, isOpenAt } from '#flow-dsl/business-hours';
import type { TenantDb } from '#db/tenant-db';
import type { MessageFacts } from './match-trigger.ts';
import type { RoutedMessage } from './routed-message.ts';

export function messageFacts(pool: pg.Pool, db: TenantDb, message: RoutedMessage): MessageFacts {
  return {
    channelId: message.channelId,
    text: message.text,
    isNewConversation: once(() => isFirstMessage(pool, db.tenantId, message.id)),
    isOutsideBusinessHours: once(async () => !(await isOpen(db, message.sentAt))),
  };
}

/** A new conversation: nothing was said in it (either way) before this message. */
async function isFirstMessage(pool: pg.Pool, tenantId: string, messageId: string): Promise<boolean> {
  const { rows } = await pool.query<{ first: boolean }>({
    name: 'is-first-message',
    text: `SELECT NOT EXISTS (
             SELECT 1 FROM "Message" m JOIN "Message" o ON o."conversationId" = m."conversationId"
             WHERE m.id = $2 AND m."tenantId" = $1 AND o."tenantId" = $1 AND o.id <> m.id AND o."createdAt" <= m."createdAt"
           ) AS first`,
    values: [tenantId, messageId],
  });
  return rows[0]?.first ?? true;
}

async function isOpen(db: TenantDb, at: Date): Promise<boolean> {
  const settings = await db.settings.findUnique({
    where: { tenantId: db.tenantId },
    select: { businessHours: true, timezone: true },
  });
  const hours = businessHoursSchema.safeParse(settings?.businessHours);
  // No usable opening hours or time zone: treat the business as open, so the catch-all never
  // fires by accident.
  if (!hours.success) {
    return true;
  }
  try {
    return isOpenAt(hours.data, settings?.timezone ?? 'UTC', at);
  } catch {
    return true;
  }
}

function once<T>(compute: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= compute());
}
