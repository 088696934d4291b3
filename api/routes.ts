// Every HTTP route of the API, in the order the docs list them.
import { apiKeyRoutes } from './api-keys/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { automationRoutes } from './automations/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { campaignRoutes } from './campaigns/routes.ts';
import { channelRoutes } from './channels/routes.ts';
import { contactGroupRoutes } from './contacts/group-routes.ts';
import { contactRoutes } from './contacts/routes.ts';
import { customFieldRoutes } from './contacts/custom-field-routes.ts';
import { contactImportRoutes } from './contact-imports/routes.ts';
import { dataTableRoutes } from './data-tables/routes.ts';
import { flowRoutes } from './flows/routes.ts';
import { inboxRoutes } from './inbox/routes.ts';
import { integrationRoutes } from './integrations/routes.ts';
import { mediaRoutes } from './media/routes.ts';
import { messageRoutes } from './messages/routes.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { outgoingWebhookRoutes } from './outgoing-webhooks/routes.ts';
import { cannedResponseRoutes } from './canned-responses/routes.ts';
import { scheduledMessageRoutes } from './scheduled-messages/routes.ts';
import { notificationSettingsRoutes } from './notifications/settings-routes.ts';
import { sandboxRoutes } from './sandbox/routes.ts';
import type { Route } from './http/define-route.ts';
import { invitationRoutes } from './invitations/routes.ts';
import { memberRoutes } from './members/routes.ts';
import { roleRoutes } from './roles/routes.ts';
import { routingRoutes } from './routing/routes.ts';
import { segmentRoutes } from './segments/routes.ts';
import { slaRoutes } from './sla/routes.ts';
import { teamRoutes } from './teams/routes.ts';
import { templateRoutes } from './templates/routes.ts';
import { workspaceRoutes } from './workspace/routes.ts';

export const allRoutes: Route[] = [
  ...authRoutes,
  ...workspaceRoutes,
  ...memberRoutes,
  ...teamRoutes,
  ...routingRoutes,
  ...slaRoutes,
  ...invitationRoutes,
  ...roleRoutes,
  ...apiKeyRoutes,
  ...auditRoutes,
  ...channelRoutes,
  ...contactRoutes,
  ...customFieldRoutes,
  ...contactGroupRoutes,
  // Before messageRoutes: /api/conversations/bulk/read is not /api/conversations/:conversationId/read.
  ...inboxRoutes,
  ...messageRoutes,
  ...notificationSettingsRoutes,
  ...notificationRoutes,
  ...cannedResponseRoutes,
  ...scheduledMessageRoutes,
  ...sandboxRoutes,
  ...flowRoutes,
  ...integrationRoutes,
  ...dataTableRoutes,
  ...mediaRoutes,
  ...segmentRoutes,
  ...contactImportRoutes,
  ...templateRoutes,
  ...campaignRoutes,
  ...outgoingWebhookRoutes,
  ...automationRoutes,
];
