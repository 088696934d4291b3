// Every route of the agent inbox (api/inbox/schemas.ts lists them with their permissions).
import type { Route } from '../http/define-route.ts';
import { conversationReadRoutes } from './conversation-routes.ts';

export const inboxRoutes: Route[] = [...conversationReadRoutes];
