// Events for tests: a tenant that wants some event types (a webhook subscription row, the
// in-process interest cache forgotten so it applies at once), and its recorded events, each
// checked against the contract (api/events/schemas.ts).
import { invalidateEventInterest } from '#api/events/event-interest';
import { eventPayloadSchemas, type EventPayload, type EventType } from '#api/events/schemas';
import type { PrismaClient } from '#db/client';
import { eventually } from '../../support/eventually.ts';
import type { TestApp } from '../../support/test-app.ts';

export async function wantEvents(app: TestApp, tenantId: string, types: EventType[]): Promise<void> {
  await app.prisma.webhookSubscription.create({
    data: {
      tenantId,
      name: 'events test',
      // Nothing listens there: these tests look at what is recorded, not at deliveries.
      url: 'http://127.0.0.1:9/events',
      secret: app.deps.secretBox.encrypt('whsec_events_test'),
      eventTypes: types,
    },
  });
  invalidateEventInterest(tenantId);
}

export async function eventsOf<T extends EventType>(
  prisma: PrismaClient,
  tenantId: string,
  type: T,
): Promise<Array<EventPayload<T>>> {
  const rows = await prisma.tenantEvent.findMany({ where: { tenantId, type }, orderBy: { createdAt: 'asc' } });
  return rows.map((row) => eventPayloadSchemas[type].parse(row.payload) as EventPayload<T>);
}

/** Waits for an event of `type` whose payload passes `match`, and answers it. */
export function eventMatching<T extends EventType>(
  prisma: PrismaClient,
  tenantId: string,
  type: T,
  match: (payload: EventPayload<T>) => boolean,
): Promise<EventPayload<T>> {
  return eventually(async () => (await eventsOf(prisma, tenantId, type)).find(match), `a ${type} event`);
}
