// Acting on many conversations at once (all or nothing), the CSV export, and a channel's
// templates for the composer.
import { tenantRoute, type Route } from '../http/define-route.ts';
import { bulkAssign } from './assign-conversation.ts';
import { bulkMarkRead } from './bulk-read.ts';
import { listChannelTemplates } from './channel-templates.ts';
import { bulkTags } from './conversation-tags.ts';
import { exportConversations } from './export-csv.ts';
import {
  bulkAssignInputSchema,
  bulkIdsInputSchema,
  bulkResultSchema,
  bulkStatusInputSchema,
  bulkTagsInputSchema,
  channelTemplateListSchema,
  channelTemplatesQuerySchema,
  exportConversationsInputSchema,
} from './schemas.ts';
import { bulkSetStatus } from './set-status.ts';
import { idParamSchema } from '../common/schemas.ts';
import { fileResponseSchema } from '../http/define-route.ts';

const tag = 'Inbox';
const ids = ['3b0e4c1a-8f0d-4d8e-9a51-2f1c7e6d5b4a', '7d6c5b4a-3f2e-4d1c-8b0a-9f8e7d6c5b4a'];

export const bulkRoutes: Route[] = [
  tenantRoute({
    method: 'post',
    path: '/api/conversations/bulk/assign',
    tag,
    summary: 'Assign or transfer many conversations at once (all or nothing)',
    description: 'An id that is not a conversation of the workspace is a 404 naming it, and nothing changes.',
    permission: 'inbox.assign',
    body: bulkAssignInputSchema,
    response: bulkResultSchema,
    example: { body: { ids, teamId: '6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d', userId: null }, response: { updated: 2 } },
    handler: ({ body }, ctx) => bulkAssign(body, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/conversations/bulk/tags',
    tag,
    summary: 'Add and remove tags on many conversations (all or nothing)',
    permission: 'inbox.reply',
    body: bulkTagsInputSchema,
    response: bulkResultSchema,
    example: { body: { ids, add: ['1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b'], remove: [] }, response: { updated: 2 } },
    handler: ({ body }, ctx) => bulkTags(body, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/conversations/bulk/status',
    tag,
    summary: 'Resolve, reopen, set pending or snooze many conversations (all or nothing)',
    permission: 'inbox.reply',
    body: bulkStatusInputSchema,
    response: bulkResultSchema,
    example: { body: { ids, status: 'resolved' }, response: { updated: 2 } },
    handler: ({ body }, ctx) => bulkSetStatus(body, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/conversations/bulk/read',
    tag,
    summary: 'Mark many conversations read (no read receipts are sent to WhatsApp)',
    permission: 'inbox.reply',
    body: bulkIdsInputSchema,
    response: bulkResultSchema,
    example: { body: { ids }, response: { updated: 2 } },
    handler: ({ body }, ctx) => bulkMarkRead(body, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/conversations/export',
    tag,
    summary: 'Download conversations as CSV: a selection, or everything a filter matches',
    description:
      '`filter` takes the list\'s query parameters as strings (e.g. `{ "status": "open", "tagIds": "…" }`). At most 50,000 rows, newest activity first. Cells a spreadsheet would run as formulas are prefixed with `\'`.',
    permission: 'inbox.view',
    body: exportConversationsInputSchema,
    response: fileResponseSchema,
    file: { contentType: 'text/csv; charset=utf-8' },
    example: { body: { filter: { status: 'resolved', from: '2026-11-01T00:00:00.000Z' } } },
    handler: ({ body }, ctx) => exportConversations(body, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/channels/:channelId/templates',
    tag,
    summary: "The channel's message templates (approved ones by default), for the composer",
    description: "Read from WhatsApp through the channel's connection (the simulator for Sandbox numbers).",
    permission: 'templates.view',
    params: idParamSchema('channelId'),
    query: channelTemplatesQuerySchema,
    response: channelTemplateListSchema,
    handler: ({ params, query }, ctx) => listChannelTemplates(params.channelId, query, ctx),
  }),
];
