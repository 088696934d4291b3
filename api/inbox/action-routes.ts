// Acting on one conversation: status, priority, tags, notes, assignment, the bot, and what the
// conversation view reads besides the conversation itself.
import { tenantRoute, type Route } from '../http/define-route.ts';
import { pageQuerySchema } from '../http/pagination.ts';
import { assignConversation, takeConversation, unassignConversation } from './assign-conversation.ts';
import { getConversationBot, pauseBot, resumeBot, stopBot } from './bot-controls.ts';
import { listContactFields, listPreviousConversations } from './contact-panel.ts';
import { addConversationTags, removeConversationTag } from './conversation-tags.ts';
import { exampleConversation, exampleNote } from './examples.ts';
import { listAssignments } from './list-assignments.ts';
import { createNote, listNotes, updateNote } from './notes.ts';
import {
  assignInputSchema,
  assignmentPageSchema,
  contactFieldsSchema,
  conversationBotSchema,
  conversationListItemSchema,
  conversationPageSchema,
  conversationParamsSchema,
  conversationTagParamsSchema,
  conversationTagsInputSchema,
  createNoteInputSchema,
  notePageSchema,
  noteParamsSchema,
  noteSchema,
  setPriorityInputSchema,
  setStatusInputSchema,
  unassignInputSchema,
  updateNoteInputSchema,
} from './schemas.ts';
import { setConversationPriority } from './set-priority.ts';
import { setConversationStatus } from './set-status.ts';

const tag = 'Inbox';
const params = conversationParamsSchema;
const item = conversationListItemSchema;

export const conversationActionRoutes: Route[] = [
  tenantRoute({
    method: 'get',
    path: '/api/conversations/:conversationId/previous',
    tag,
    summary: "The contact's other conversations (on the workspace's other numbers)",
    permission: 'inbox.view',
    params,
    response: conversationPageSchema,
    handler: ({ params: p }, ctx) => listPreviousConversations(p.conversationId, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/conversations/:conversationId/contact-fields',
    tag,
    summary: "Every custom field of the conversation's contact",
    permission: 'inbox.view',
    params,
    response: contactFieldsSchema,
    handler: ({ params: p }, ctx) => listContactFields(p.conversationId, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/conversations/:conversationId/status',
    tag,
    summary: 'Open (reopen), set pending, resolve, or snooze until a time',
    description: 'A customer message wakes a snoozed or resolved conversation; so does the snooze time passing.',
    permission: 'inbox.reply',
    params,
    body: setStatusInputSchema,
    response: item,
    // A snooze ends within 365 days, and the OpenAPI test checks examples: valid until 2027-12-01.
    example: { body: { status: 'snoozed', until: '2027-12-01T09:00:00.000Z' }, response: exampleConversation },
    handler: ({ params: p, body }, ctx) => setConversationStatus(p.conversationId, body, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/conversations/:conversationId/priority',
    tag,
    summary: "Set the conversation's priority",
    permission: 'inbox.reply',
    params,
    body: setPriorityInputSchema,
    response: item,
    example: { body: { priority: 'urgent' } },
    handler: ({ params: p, body }, ctx) => setConversationPriority(p.conversationId, body, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/conversations/:conversationId/tags',
    tag,
    summary: 'Tag the conversation (tags it already has stay)',
    permission: 'inbox.reply',
    params,
    body: conversationTagsInputSchema,
    response: item,
    example: { body: { tagIds: ['1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b'] } },
    handler: ({ params: p, body }, ctx) => addConversationTags(p.conversationId, body.tagIds, ctx),
  }),
  tenantRoute({
    method: 'delete',
    path: '/api/conversations/:conversationId/tags/:tagId',
    tag,
    summary: 'Take a tag off the conversation',
    permission: 'inbox.reply',
    params: conversationTagParamsSchema,
    response: item,
    handler: ({ params: p }, ctx) => removeConversationTag(p.conversationId, p.tagId, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/conversations/:conversationId/notes',
    tag,
    summary: 'Internal notes, newest first',
    permission: 'inbox.view',
    params,
    query: pageQuerySchema,
    response: notePageSchema,
    handler: ({ params: p, query }, ctx) => listNotes(p.conversationId, query, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/conversations/:conversationId/notes',
    tag,
    summary: 'Write an internal note; @mentioned members are notified',
    permission: 'inbox.reply',
    params,
    body: createNoteInputSchema,
    response: noteSchema,
    successStatus: 201,
    example: {
      body: {
        body: '@Grace Hopper the refund was approved yesterday',
        mentionedUserIds: [exampleNote.mentions[0]!.userId],
      },
      response: exampleNote,
    },
    handler: ({ params: p, body }, ctx) => createNote(p.conversationId, body, ctx),
  }),
  tenantRoute({
    method: 'patch',
    path: '/api/conversations/:conversationId/notes/:noteId',
    tag,
    summary: 'Pin or unpin a note',
    permission: 'inbox.reply',
    params: noteParamsSchema,
    body: updateNoteInputSchema,
    response: noteSchema,
    example: { body: { pinned: true } },
    handler: ({ params: p, body }, ctx) => updateNote(p.conversationId, p.noteId, body, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/conversations/:conversationId/assignments',
    tag,
    summary: 'Who had the conversation: every assignment, transfer and unassignment, newest first',
    permission: 'inbox.view',
    params,
    query: pageQuerySchema,
    response: assignmentPageSchema,
    handler: ({ params: p, query }, ctx) => listAssignments(p.conversationId, query, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/conversations/:conversationId/assign',
    tag,
    summary: 'Assign or transfer to an agent and/or a team, with a reason',
    description:
      'An absent key keeps that side, null clears it: `{ userId }` assigns an agent and keeps the team; `{ teamId, userId: null }` hands it to a team. Logged with the reason; the new agent is notified.',
    permission: 'inbox.assign',
    params,
    body: assignInputSchema,
    response: item,
    example: {
      body: { userId: exampleConversation.assignee.userId, reason: 'Billing question' },
      response: exampleConversation,
    },
    handler: ({ params: p, body }, ctx) => assignConversation(p.conversationId, body, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/conversations/:conversationId/take',
    tag,
    summary: 'Take the conversation yourself ("assign to me"), for members who answer but do not assign',
    description:
      'Assigns the caller when nobody has the conversation (or they already do), keeping its team; logged like an assignment. 409 when another agent has it (transferring needs `inbox.assign`). Signed-in members only.',
    permission: 'inbox.reply',
    apiKeys: false,
    params,
    body: unassignInputSchema,
    response: item,
    example: { body: { reason: 'Picked from the queue' }, response: exampleConversation },
    handler: ({ params: p, body }, ctx) => takeConversation(p.conversationId, body.reason, ctx),
  }),
  tenantRoute({
    method: 'post',
    path: '/api/conversations/:conversationId/unassign',
    tag,
    summary: 'Take the conversation from its agent and team (back to the shared inbox)',
    permission: 'inbox.assign',
    params,
    body: unassignInputSchema,
    response: item,
    example: { body: { reason: 'Agent out sick' } },
    handler: ({ params: p, body }, ctx) => unassignConversation(p.conversationId, body.reason, ctx),
  }),
  tenantRoute({
    method: 'get',
    path: '/api/conversations/:conversationId/bot',
    tag,
    summary: "The contact's live flow session on this channel, with the node it is at",
    permission: 'inbox.view',
    params,
    response: conversationBotSchema,
    handler: ({ params: p }, ctx) => getConversationBot(p.conversationId, ctx),
  }),
  ...(['pause', 'resume', 'stop'] as const).map((action) =>
    tenantRoute({
      method: 'post',
      path: `/api/conversations/:conversationId/bot/${action}`,
      tag,
      summary: {
        pause: 'Pause the bot: a human takes over and the bot stops answering (409 when no bot runs)',
        resume: 'Hand the conversation back to the bot where it stopped',
        stop: "Stop the bot: the contact's flow session is cancelled",
      }[action],
      permission: 'inbox.reply',
      params,
      response: conversationBotSchema,
      handler: ({ params: p }, ctx) =>
        ({ pause: pauseBot, resume: resumeBot, stop: stopBot })[action](p.conversationId, ctx),
    }),
  ),
];
