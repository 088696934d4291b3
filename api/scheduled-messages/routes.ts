import { conversationParamsSchema } from '../messages/schemas.ts';
import { tenantRoute, type Route } from '../http/define-route.ts';
import { listScheduledMessages } from './list-scheduled-messages.ts';
import { cancelScheduledMessage, createScheduledMessage, updateScheduledMessage } from './manage-scheduled-messages.ts';
import { getScheduledMessage } from './scheduled-message-view.ts';
import {
  createScheduledMessageInputSchema,
  listScheduledMessagesQuerySchema,
  scheduledMessagePageSchema,
  scheduledMessageParamsSchema,
  scheduledMessageSchema,
  updateScheduledMessageInputSchema,
} from './schemas.ts';

const tag = 'Scheduled messages';

export const scheduledMessageRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/conversations/:conversationId/scheduled-messages',
    tag,
    summary: "A conversation's scheduled messages, soonest first, with their status",
    permission: 'inbox.view',
    params: conversationParamsSchema,
    query: listScheduledMessagesQuerySchema,
    response: scheduledMessagePageSchema,
    handler: ({ params, query }, ctx) => listScheduledMessages(params.conversationId, query, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/conversations/:conversationId/scheduled-messages',
    tag,
    summary: 'Schedule a text or an approved template, up to 30 days ahead',
    description:
      "Give `sendAt` (an ISO instant with its offset) or `localTime` (`2026-12-24T09:30`) with an optional `timeZone` (default: the contact's, else the workspace's). A text needs the 24-hour window open at send time, else it fails and the agent who scheduled it is notified; a template always goes.",
    permission: 'inbox.reply',
    params: conversationParamsSchema,
    body: createScheduledMessageInputSchema,
    response: scheduledMessageSchema,
    successStatus: 201,
    example: {
      body: {
        content: { type: 'text', text: 'Your order ships today!' },
        localTime: '2026-12-24T09:30',
        timeZone: 'Europe/Paris',
      },
    },
    handler: ({ params, body }, ctx) => createScheduledMessage(params.conversationId, body, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/scheduled-messages/:scheduledMessageId',
    tag,
    summary: 'One scheduled message',
    permission: 'inbox.view',
    params: scheduledMessageParamsSchema,
    response: scheduledMessageSchema,
    handler: ({ params }, ctx) => getScheduledMessage(params.scheduledMessageId, ctx),
  }),
  tenantRoute({
    method: 'patch',
    path: '/api/scheduled-messages/:scheduledMessageId',
    tag,
    summary: 'Change the time or the content while it still waits (409 once it is sending or done)',
    permission: 'inbox.reply',
    params: scheduledMessageParamsSchema,
    body: updateScheduledMessageInputSchema,
    example: { body: { sendAt: '2026-12-24T09:00:00.000Z' } },
    response: scheduledMessageSchema,
    handler: ({ params, body }, ctx) => updateScheduledMessage(params.scheduledMessageId, body, ctx),
  }),
  tenantRoute({
    method: 'delete',
    path: '/api/scheduled-messages/:scheduledMessageId',
    tag,
    summary: 'Cancel it while it still waits (409 once it is sending or done); answers the cancelled message',
    permission: 'inbox.reply',
    params: scheduledMessageParamsSchema,
    response: scheduledMessageSchema,
    handler: ({ params }, ctx) => cancelScheduledMessage(params.scheduledMessageId, ctx),
  }),
];
