// The facts triggers test about an inbound message, read lazily and at most once each.
import { businessHoursSchema, isOpenAt } from '#flow-dsl/business-hours';
import type { TenantDb } from '#db/tenant-db';
import type { MessageFacts } from './match-trigger.ts';
import type { RoutedMessage } from './routed-message.ts';

export function messageFacts(db: TenantDb, message: RoutedMessage): MessageFacts {
  return {
    channelId: message.channelId,
    text: message.text,
    isNewConversation: once(() => isFirstMessage(db, message)),
    isOutsideBusinessHours: once(async () => !(await isOpen(db, message.providerTimestamp ?? message.createdAt))),
  };
}

/** A new conversation: nothing was said in it (either way) before this message. */
async function isFirstMessage(db: TenantDb, message: RoutedMessage): Promise<boolean> {
  const earlier = await db.message.count({
    where: {
      conversationId: message.conversationId,
      id: { not: message.id },
      createdAt: { lte: message.createdAt },
    },
  });
  return earlier === 0;
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
