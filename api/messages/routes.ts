import { z } from 'zod';
import { tenantRoute, type Route } from '../http/define-route.ts';
import { pageQuerySchema } from '../http/pagination.ts';
import { getMessage, listConversationMessages } from './list-messages.ts';
import {
  conversationParamsSchema,
  conversationSchema,
  messagePageSchema,
  messageParamsSchema,
  messageSchema,
  sendMessageInputSchema,
} from './schemas.ts';
import { markConversationRead } from './mark-conversation-read.ts';
import { retryMessage } from './retry-message.ts';
import { sendMessage } from './send-message.ts';

const tag = 'Messages';

export const messageRoutes: Route[] = [
  tenantRoute({
    method: 'post',
    path: '/api/messages',
    tag,
    summary: 'Send a WhatsApp message (queued, then delivered with retries)',
    description:
      "Any type WhatsApp supports, in Meta's own shape under `content`. Outside the 24-hour customer-service window only `template` is accepted (409 naming `content.type`). Send the same `idempotencyKey` again to get the first message back instead of a duplicate.",
    permission: 'inbox.reply',
    body: sendMessageInputSchema,
    response: messageSchema,
    successStatus: 202,
    example: {
      body: {
        channelId: '8f0c6f1e-5a3b-4c2d-9e8f-0123456789ab',
        to: { phone: '+14155550123' },
        content: { type: 'text', text: { body: 'Hello!' } },
      },
    },
    handler: ({ body }, ctx) => sendMessage(body, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/messages/:messageId',
    tag,
    summary: 'One message with its delivery status',
    permission: 'inbox.view',
    params: messageParamsSchema,
    response: messageSchema,
    handler: ({ params }, ctx) => getMessage(params.messageId, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/messages/:messageId/retry',
    tag,
    summary: 'Send a failed message again',
    description:
      'Queues a `failed` outbound message again through the normal send path (202); its status then moves as a new send. 409 when the message is not failed (already retried, sent, or inbound), or when the 24-hour window has closed for a non-template message.',
    permission: 'inbox.reply',
    params: messageParamsSchema,
    response: messageSchema,
    successStatus: 202,
    handler: ({ params }, ctx) => retryMessage(params.messageId, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/conversations/:conversationId/read',
    tag,
    summary: "Mark the customer's messages read: blue ticks on their phone, unread count back to 0",
    permission: 'inbox.view',
    params: conversationParamsSchema,
    response: conversationSchema,
    handler: ({ params }, ctx) => markConversationRead(params.conversationId, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/conversations/:conversationId/messages',
    tag,
    summary: "A conversation's messages, newest first",
    permission: 'inbox.view',
    params: conversationParamsSchema,
    query: pageQuerySchema.extend({ limit: z.coerce.number().int().min(1).max(100).default(50) }),
    response: messagePageSchema,
    handler: ({ params, query }, ctx) => listConversationMessages(params.conversationId, query, ctx),
  }),
];
