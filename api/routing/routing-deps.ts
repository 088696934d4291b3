// What routing needs besides the tenant's database: live updates and a logger. Requests,
// activities and webhook follow-up work all have them.
import type { Logger } from '#lib/logger';
import type { RealtimePublisher } from '../realtime/publisher.ts';

export type RoutingServices = { realtime: RealtimePublisher; logger: Logger };

/** One conversation routing changed (published to the tenant's room after commit). */
export type RoutedChange = { conversationId: string; channelId: string };

/** Everything automatic changes is logged as made by routing (ConversationAssignment byKind 'rule'). */
export const ROUTING_LABEL = 'Routing';
