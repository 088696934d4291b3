// Reading the inbox: the list, its counts and one conversation (api/inbox/schemas.ts).
import { tenantRoute, type Route } from '../http/define-route.ts';
import { countConversations } from './count-conversations.ts';
import { getConversationDetail } from './get-conversation.ts';
import { listConversations } from './list-conversations.ts';
import {
  conversationDetailSchema,
  conversationFilterSchema,
  conversationPageSchema,
  conversationParamsSchema,
  inboxCountsSchema,
  listConversationsQuerySchema,
} from './schemas.ts';
import { exampleConversation, exampleDetail } from './examples.ts';

const tag = 'Inbox';

export const conversationReadRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/conversations',
    tag,
    summary: 'Conversations: filter, search and sort the inbox',
    description:
      "Filters combine (AND); a comma-separated list inside one filter matches any of its values (`status=open,pending`), except `tagIds` with `tagMatch=all`. `search` matches message text and the contact's name, WhatsApp name and number: every word must match, by prefix. `sort=last_activity` (newest first, default) or `waiting` (the customer waiting longest first). Page with `nextCursor`. A role without `inbox.view_all` sees conversations assigned to the caller and unassigned ones.",
    permission: 'inbox.view',
    query: listConversationsQuerySchema,
    response: conversationPageSchema,
    example: { response: { items: [exampleConversation], nextCursor: null } },
    handler: ({ query }, ctx) => listConversations(query, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/conversations/counts',
    tag,
    summary: 'Tab badges: conversations per status, open ones mine/unassigned/all, and how many are unread',
    permission: 'inbox.view',
    query: conversationFilterSchema.pick({ channelId: true, teamId: true }),
    response: inboxCountsSchema,
    example: {
      response: {
        byStatus: { open: 42, pending: 3, snoozed: 5, resolved: 1200 },
        open: { mine: 7, unassigned: 12, all: 42 },
        unread: { mine: 2, unassigned: 9, all: 15 },
      },
    },
    handler: ({ query }, ctx) => countConversations(query, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/conversations/:conversationId',
    tag,
    summary: 'One conversation with its contact panel, pinned notes and the bot session',
    permission: 'inbox.view',
    params: conversationParamsSchema,
    response: conversationDetailSchema,
    example: { response: exampleDetail },
    handler: ({ params }, ctx) => getConversationDetail(params.conversationId, ctx),
  }),
];
