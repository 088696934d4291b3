// Routing (docs/flow-engine.md): called after a webhook's messages are stored and answered. Each
// message goes to the contact's listening session as a signal, or starts the first active flow
// whose trigger fires, or stays in the inbox only. Runs in the background: failures are logged,
// never thrown back to the webhook. The promise settles when routing is done (assignment routing
// waits for it, so a bot that takes a new conversation has its session before agents are picked).
import type { AppDeps } from '../../context.ts';
import { createTenantDb } from '#db/tenant-db';
import type { RoutedMessage } from './routed-message.ts';
import { routeMessage } from './route-message.ts';
import { serialized } from './serialized.ts';

export type RoutingRequest = { tenantId: string; messages: RoutedMessage[] };

export function routeInbound(deps: AppDeps, request: RoutingRequest): Promise<void> {
  if (request.messages.length === 0) {
    return Promise.resolve();
  }
  return routeAll(deps, request).catch((error: unknown) =>
    deps.logger.error({ err: error, tenantId: request.tenantId }, 'flow routing failed'),
  );
}

async function routeAll(deps: AppDeps, { tenantId, messages }: RoutingRequest): Promise<void> {
  const db = createTenantDb(deps.prisma, tenantId);
  await Promise.all(
    messages.map((message) =>
      // One contact's messages are routed one after the other (in sending order), so a burst of
      // "hi" "hello" starts one session and signals it, instead of racing two starts.
      serialized(`${message.channelId}:${message.contactId}`, () =>
        routeMessage(deps, db, message).catch((error: unknown) =>
          deps.logger.error({ err: error, messageId: message.id }, 'flow routing failed for a message'),
        ),
      ),
    ),
  );
}
