// Every route of the agent inbox (api/inbox/schemas.ts lists them with their permissions). The
// fixed paths (/counts, /bulk/…, /export) come before /:conversationId.
import type { Route } from '../http/define-route.ts';
import { conversationActionRoutes } from './action-routes.ts';
import { conversationReadRoutes } from './conversation-routes.ts';
import { inboxSettingsRoutes } from './settings-routes.ts';
import { bulkRoutes } from './bulk-routes.ts';

export const inboxRoutes: Route[] = [
  ...bulkRoutes,
  ...conversationReadRoutes,
  ...conversationActionRoutes,
  ...inboxSettingsRoutes,
];
