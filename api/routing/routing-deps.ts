// What routing needs besides the tenant's database: live updates, a logger and what platform
// events need (api/events). Requests, activities and webhook follow-up work all have them.
import type { Logger } from '#lib/logger';
import type { EventDeps } from '../events/emit-event.ts';
import type { RealtimePublisher } from '../realtime/publisher.ts';

export type RoutingServices = { realtime: RealtimePublisher; logger: Logger } & EventDeps;

/** One conversation routing changed (published to the tenant's room after commit). */
export type RoutedChange = {
  conversationId: string;
  channelId: string;
  /** Set when routing gave it to an agent or a team's queue: a conversation.assigned event. */
  assigned?: { contactId: string; assigneeUserId: string | null; teamId: string };
};

/** Everything automatic changes is logged as made by routing (ConversationAssignment byKind 'rule'). */
export const ROUTING_LABEL = 'Routing';
