// The agent inbox as the API accepts and returns it (docs/inbox.md): the conversation list with
// its filters, one conversation with its contact panel and bot controls, and every action on
// conversations. Shared with web/: imports only zod.
//
// Routes (permission): GET /api/conversations (inbox.view) lists with conversationFilterSchema;
// GET /api/conversations/counts; GET /api/conversations/:id (detail), …/previous, …/contact-fields,
// …/notes, …/assignments, …/bot; POST …/read, …/status, …/priority, …/tags, DELETE …/tags/:tagId,
// POST|PATCH …/notes[/:noteId] (inbox.reply); POST …/assign, …/unassign (inbox.assign);
// POST …/bot/pause|resume|stop (inbox.reply); POST /api/conversations/bulk/assign (inbox.assign),
// bulk/tags, bulk/status, bulk/read (inbox.reply); POST /api/conversations/export (inbox.view, CSV);
// /api/inbox/tags[/:tagId], /api/inbox/tags/stats, /api/inbox/views[/:viewId], /api/inbox/members,
// /api/inbox/teams, /api/inbox/settings. Details in docs/inbox.md.
//
// Query strings carry lists as comma-separated text (`status=open,pending`), so a filter set is a
// flat map of strings: the same map a saved view stores and the web app puts in the URL.
import { z } from 'zod';
import { dateTimeSchema, idParamSchema, MAX_PAGE_SIZE } from '../common/schemas.ts';
import { conversationSlaSchema } from '../sla/schemas.ts';

export const CONVERSATION_STATUSES = ['open', 'pending', 'snoozed', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

export const PRIORITIES = ['none', 'low', 'medium', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** last_activity: newest message first. waiting: the customer waiting longest for an answer first. */
export const CONVERSATION_SORTS = ['last_activity', 'waiting'] as const;

export const MAX_BULK_IDS = 500;
export const MAX_VISIBLE_CONTACT_FIELDS = 3;
export const MAX_REASON_LENGTH = 500;
export const MAX_NOTE_LENGTH = 5000;
export const MAX_SNOOZE_DAYS = 365;

// --- building blocks ------------------------------------------------------------------------

/** `a,b,c` (or a repeated parameter) as a list of `item`. */
function listParam<T extends z.ZodType<unknown, string>>(item: T, max = 50) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value) =>
      (Array.isArray(value) ? value : value.split(',')).map((part) => part.trim()).filter((part) => part !== ''),
    )
    .pipe(z.array(item).min(1).max(max));
}

const fieldValueSchema = z.union([z.string().max(500), z.number(), z.boolean()]);

/** Custom contact fields to match exactly, as JSON text: `{"plan":"gold","vip":true}`. */
const fieldsParam = z
  .string()
  .max(2000)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object, e.g. {"plan":"gold"}' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .record(z.string().min(1).max(100), fieldValueSchema)
      .refine((fields) => Object.keys(fields).length <= 10, 'at most 10 fields'),
  );

export const tagColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #2563eb');

const bulkIdsSchema = z
  .array(z.uuid('is not a valid id'))
  .min(1)
  .max(MAX_BULK_IDS)
  .refine((ids) => new Set(ids).size === ids.length, 'lists an id twice');

const reasonSchema = z.string().trim().max(MAX_REASON_LENGTH).optional();

const userRefSchema = z.object({ userId: z.uuid(), name: z.string() });
const teamRefSchema = z.object({ id: z.uuid(), name: z.string() });
export const tagRefSchema = z.object({ id: z.uuid(), name: z.string(), color: z.string() });

// --- the list -------------------------------------------------------------------------------

/**
 * Every filter of the conversation list. All of them combine (AND); a list inside one filter
 * matches any of its values, except `tagIds` with `tagMatch=all`.
 */
export const conversationFilterSchema = z.object({
  /** Default: every status. A snoozed conversation whose time has come counts as open. */
  status: listParam(z.enum(CONVERSATION_STATUSES), 4).optional(),
  /** me (API keys: 400), unassigned (no agent), assigned (any agent), or a member's user id. */
  assignee: z.union([z.enum(['me', 'unassigned', 'assigned']), z.uuid()]).optional(),
  /** A team's id, or `none` for conversations with no team. */
  teamId: z.union([z.literal('none'), z.uuid()]).optional(),
  channelId: listParam(z.uuid()).optional(),
  contactId: z.uuid().optional(),
  tagIds: listParam(z.uuid()).optional(),
  tagMatch: z.enum(['any', 'all']).default('any'),
  priority: listParam(z.enum(PRIORITIES), 5).optional(),
  /** true: only conversations with unread customer messages; false: only those without. */
  unread: z.stringbool().optional(),
  /** Which time `from`/`to` bound: the last message (default) or when the conversation began. */
  dateField: z.enum(['last_activity', 'created']).default('last_activity'),
  from: dateTimeSchema.optional(),
  to: dateTimeSchema.optional(),
  /** The contact's own tags (set by flows and contact management), any of them. */
  contactTags: listParam(z.string().min(1).max(100)).optional(),
  fields: fieldsParam.optional(),
  /**
   * Full-text search over message text and the contact's name, WhatsApp profile name and phone.
   * Every word must match; words match by prefix (`ord` finds "order").
   */
  search: z.string().trim().min(1).max(200).optional(),
  /** SLA state (docs/routing.md): `breached` (a due time passed) or `warning` (three quarters of a target gone). */
  sla: z.enum(['warning', 'breached']).optional(),
  sort: z.enum(CONVERSATION_SORTS).default('last_activity'),
});
export type ConversationFilter = z.output<typeof conversationFilterSchema>;

export const listConversationsQuerySchema = conversationFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(25),
  /** `nextCursor` of the previous page (opaque). */
  cursor: z.string().min(1).max(300).optional(),
});
export type ListConversationsQuery = z.output<typeof listConversationsQuerySchema>;
/** The query string form (what a saved view stores). */
export type ConversationFilterParams = Partial<Record<keyof z.input<typeof conversationFilterSchema>, string>>;

export const lastMessageSchema = z.object({
  text: z.string().nullable(),
  type: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  at: dateTimeSchema,
});

export const conversationListItemSchema = z.object({
  id: z.uuid(),
  /** Same as channel.id (kept for clients of the first conversations API). */
  channelId: z.uuid(),
  channel: z.object({ id: z.uuid(), name: z.string() }),
  contact: z.object({
    id: z.uuid(),
    /** Name given in Parley; null when only WhatsApp's profile name is known. */
    name: z.string().nullable(),
    profileName: z.string().nullable(),
    /** name, else profile name, else phone: what to show. */
    displayName: z.string(),
    phone: z.string(),
    waId: z.string(),
  }),
  status: z.enum(CONVERSATION_STATUSES),
  priority: z.enum(PRIORITIES),
  assignee: userRefSchema.nullable(),
  team: teamRefSchema.nullable(),
  tags: z.array(tagRefSchema),
  unreadCount: z.number().int(),
  lastMessage: lastMessageSchema.nullable(),
  lastMessageAt: dateTimeSchema,
  lastInboundAt: dateTimeSchema.nullable(),
  /** When the 24-hour customer-service window closes; null when it is closed. */
  windowClosesAt: dateTimeSchema.nullable(),
  /** The customer's oldest unanswered message; null once anyone (agent or bot) answered. */
  waitingSince: dateTimeSchema.nullable(),
  /** Set while status is snoozed. */
  snoozedUntil: dateTimeSchema.nullable(),
  createdAt: dateTimeSchema,
  /**
   * SLA targets still to meet (docs/routing.md): due times and ok | warning (three quarters of a
   * target gone) | breached. null: no policy for its priority, targets met, or resolved.
   */
  sla: conversationSlaSchema,
});
export type ConversationListItem = z.infer<typeof conversationListItemSchema>;

export const conversationPageSchema = z.object({
  items: z.array(conversationListItemSchema),
  nextCursor: z.string().nullable(),
});
export type ConversationPage = z.infer<typeof conversationPageSchema>;

export const conversationParamsSchema = idParamSchema('conversationId');

/** Tab badges: open conversations per bucket, and how many of them have unread messages. */
export const inboxCountsSchema = z.object({
  byStatus: z.object({
    open: z.number().int(),
    pending: z.number().int(),
    snoozed: z.number().int(),
    resolved: z.number().int(),
  }),
  open: z.object({ mine: z.number().int(), unassigned: z.number().int(), all: z.number().int() }),
  unread: z.object({ mine: z.number().int(), unassigned: z.number().int(), all: z.number().int() }),
});
export type InboxCounts = z.infer<typeof inboxCountsSchema>;

// --- one conversation: the contact panel and the bot ------------------------------------------

/** label: the custom field's label, for fields the workspace defined (Settings → Custom fields). */
export const contactFieldSchema = z.object({ key: z.string(), label: z.string().optional(), value: z.unknown() });
export const contactFieldsSchema = z.object({ items: z.array(contactFieldSchema) });

export const BOT_SESSION_STATUSES = ['running', 'waiting', 'handed_off'] as const;

/** The contact's live flow session on the conversation's channel. */
export const botSessionSchema = z.object({
  sessionId: z.uuid(),
  flowId: z.uuid(),
  flowName: z.string(),
  /** null for a test run of a draft. */
  flowVersion: z.number().int().nullable(),
  status: z.enum(BOT_SESSION_STATUSES),
  /** Paused from the inbox (a human took over); resume hands it back. A handoff node is handed_off but not paused. */
  paused: z.boolean(),
  currentNode: z.object({ id: z.string(), type: z.string().nullable(), label: z.string().nullable() }).nullable(),
  startedAt: dateTimeSchema,
});
export type BotSession = z.infer<typeof botSessionSchema>;
export const conversationBotSchema = z.object({ session: botSessionSchema.nullable() });
export type ConversationBot = z.infer<typeof conversationBotSchema>;

export const noteSchema = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  body: z.string(),
  /** null when written with an API key. */
  author: userRefSchema.nullable(),
  mentions: z.array(userRefSchema),
  pinnedAt: dateTimeSchema.nullable(),
  createdAt: dateTimeSchema,
});
export type Note = z.infer<typeof noteSchema>;

export const conversationDetailSchema = conversationListItemSchema.extend({
  contact: conversationListItemSchema.shape.contact.extend({
    /** The contact's own tags (flows and contact management set them). */
    tags: z.array(z.string()),
    lastSeenAt: dateTimeSchema.nullable(),
    createdAt: dateTimeSchema,
    /**
     * Up to 3 custom fields for agents: the workspace's chosen keys (inbox settings), else the
     * first keys alphabetically. The rest: GET …/contact-fields.
     */
    fields: z.object({ visible: z.array(contactFieldSchema), hiddenCount: z.number().int() }),
  }),
  assignedAt: dateTimeSchema.nullable(),
  resolvedAt: dateTimeSchema.nullable(),
  pinnedNotes: z.array(noteSchema),
  bot: botSessionSchema.nullable(),
});
export type ConversationDetail = z.infer<typeof conversationDetailSchema>;

// --- actions --------------------------------------------------------------------------------

/**
 * Assign, transfer or unassign. An absent key leaves that side as it is, null clears it: `{ userId }`
 * assigns an agent and keeps the team; `{ teamId, userId: null }` hands it to a team's queue.
 */
export const assignInputSchema = z
  .object({ userId: z.uuid().nullable().optional(), teamId: z.uuid().nullable().optional(), reason: reasonSchema })
  .refine((input) => input.userId !== undefined || input.teamId !== undefined, {
    message: 'give userId, teamId or both',
    path: ['userId'],
  });
export type AssignInput = z.infer<typeof assignInputSchema>;
export const unassignInputSchema = z.object({ reason: reasonSchema }).default({});
export type UnassignInput = z.infer<typeof unassignInputSchema>;

const snoozeUntilSchema = dateTimeSchema.refine(
  (until) => until.getTime() > Date.now() && until.getTime() < Date.now() + MAX_SNOOZE_DAYS * 86_400_000,
  `must be in the future, within ${MAX_SNOOZE_DAYS} days`,
);
const snoozedStatusSchema = z.object({ status: z.literal('snoozed'), until: snoozeUntilSchema });
const plainStatusSchema = z.object({ status: z.literal(['open', 'pending', 'resolved']) });

/** Reopen is `open`. Snoozing needs `until`; a customer message wakes it earlier. */
export const setStatusInputSchema = z.discriminatedUnion('status', [snoozedStatusSchema, plainStatusSchema]);
export type SetStatusInput = z.infer<typeof setStatusInputSchema>;

export const setPriorityInputSchema = z.object({ priority: z.enum(PRIORITIES) });
export type SetPriorityInput = z.infer<typeof setPriorityInputSchema>;

export const conversationTagsInputSchema = z.object({ tagIds: z.array(z.uuid()).min(1).max(50) });
export type ConversationTagsInput = z.infer<typeof conversationTagsInputSchema>;
export const conversationTagParamsSchema = conversationParamsSchema.extend({ tagId: z.uuid('is not a valid id') });

export const createNoteInputSchema = z.object({
  body: z.string().trim().min(1).max(MAX_NOTE_LENGTH),
  /** Members to notify (the @mentions in the body); each must be a member of the workspace. */
  mentionedUserIds: z.array(z.uuid()).max(20).default([]),
  pinned: z.boolean().default(false),
});
export type CreateNoteInput = z.infer<typeof createNoteInputSchema>;
export const updateNoteInputSchema = z.object({ pinned: z.boolean() });
export type UpdateNoteInput = z.infer<typeof updateNoteInputSchema>;
export const noteParamsSchema = conversationParamsSchema.extend({ noteId: z.uuid('is not a valid id') });
export const notePageSchema = z.object({ items: z.array(noteSchema), nextCursor: z.string().nullable() });

export const ASSIGNMENT_KINDS = ['assigned', 'transferred', 'unassigned'] as const;
export const assignmentSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ASSIGNMENT_KINDS),
  from: z.object({ assignee: userRefSchema.nullable(), team: teamRefSchema.nullable() }),
  to: z.object({ assignee: userRefSchema.nullable(), team: teamRefSchema.nullable() }),
  /**
   * Who made the change: a member, an API key, a flow's handoff node, or routing (`rule`: automatic
   * assignment, docs/routing.md; `id` is the channel rule that applied, if any, and `reason` says why,
   * e.g. "round-robin (team Support)").
   */
  by: z.object({ kind: z.enum(['user', 'api_key', 'flow', 'rule']), id: z.uuid().nullable(), name: z.string() }),
  reason: z.string().nullable(),
  at: dateTimeSchema,
});
export type Assignment = z.infer<typeof assignmentSchema>;
export const assignmentPageSchema = z.object({ items: z.array(assignmentSchema), nextCursor: z.string().nullable() });

// --- bulk actions and export ----------------------------------------------------------------

/** Bulk actions are all or nothing: an id that is not a conversation of the workspace is a 404 naming it. */
export const bulkAssignInputSchema = z
  .object({
    ids: bulkIdsSchema,
    userId: z.uuid().nullable().optional(),
    teamId: z.uuid().nullable().optional(),
    reason: reasonSchema,
  })
  .refine((input) => input.userId !== undefined || input.teamId !== undefined, {
    message: 'give userId, teamId or both',
    path: ['userId'],
  });
export type BulkAssignInput = z.infer<typeof bulkAssignInputSchema>;

export const bulkTagsInputSchema = z
  .object({
    ids: bulkIdsSchema,
    add: z.array(z.uuid()).max(50).default([]),
    remove: z.array(z.uuid()).max(50).default([]),
  })
  .refine((input) => input.add.length + input.remove.length > 0, {
    message: 'give tags to add or remove',
    path: ['add'],
  });
export type BulkTagsInput = z.infer<typeof bulkTagsInputSchema>;

export const bulkStatusInputSchema = z.discriminatedUnion('status', [
  snoozedStatusSchema.extend({ ids: bulkIdsSchema }),
  plainStatusSchema.extend({ ids: bulkIdsSchema }),
]);
export type BulkStatusInput = z.infer<typeof bulkStatusInputSchema>;

export const bulkIdsInputSchema = z.object({ ids: bulkIdsSchema });
export type BulkIdsInput = z.infer<typeof bulkIdsInputSchema>;

export const bulkResultSchema = z.object({
  /** Conversations the action changed (those already in the asked state are not counted). */
  updated: z.number().int(),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;

/** The filtered list (query-string form, as GET /api/conversations takes it) or a selection. */
export const exportConversationsInputSchema = z
  .object({ ids: bulkIdsSchema.optional(), filter: z.record(z.string(), z.string()).optional() })
  .refine((input) => !(input.ids && input.filter), { message: 'give ids or filter, not both', path: ['ids'] })
  .default({});
export type ExportConversationsInput = z.infer<typeof exportConversationsInputSchema>;
export const EXPORT_COLUMNS = [
  'id',
  'contact_name',
  'contact_phone',
  'channel',
  'status',
  'priority',
  'assignee',
  'team',
  'tags',
  'unread_count',
  'last_message_at',
  'last_message',
  'waiting_since',
  'snoozed_until',
  'created_at',
] as const;

// --- workspace tags, views, teams, settings --------------------------------------------------

export const tagSchema = tagRefSchema.extend({ createdAt: dateTimeSchema });
export type Tag = z.infer<typeof tagSchema>;
export const tagListSchema = z.object({ items: z.array(tagSchema) });
export const createTagInputSchema = z.object({
  name: z.string().trim().min(1).max(50),
  color: tagColorSchema.default('#64748b'),
});
export type CreateTagInput = z.infer<typeof createTagInputSchema>;
export const updateTagInputSchema = z
  .object({ name: z.string().trim().min(1).max(50).optional(), color: tagColorSchema.optional() })
  .refine((input) => input.name !== undefined || input.color !== undefined, {
    message: 'give name or color',
    path: ['name'],
  });
export type UpdateTagInput = z.infer<typeof updateTagInputSchema>;
export const tagParamsSchema = idParamSchema('tagId');
export const tagStatsSchema = z.object({
  items: z.array(tagRefSchema.extend({ openConversations: z.number().int(), conversations: z.number().int() })),
});
export type TagStats = z.infer<typeof tagStatsSchema>;

/** A filter set in its query-string form, checked against the list's filters. */
const viewQuerySchema = z.record(z.string(), z.string()).superRefine((query, ctx) => {
  const parsed = conversationFilterSchema.strict().safeParse(query);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [key]) : [issue.path];
    for (const path of paths) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: issue.code === 'unrecognized_keys' ? 'is not a filter' : issue.message,
      });
    }
  }
});

export const savedViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** GET /api/conversations query parameters (without cursor and limit). */
  query: z.record(z.string(), z.string()),
  createdAt: dateTimeSchema,
  updatedAt: dateTimeSchema,
});
export type SavedView = z.infer<typeof savedViewSchema>;
export const savedViewListSchema = z.object({ items: z.array(savedViewSchema) });
export const createViewInputSchema = z.object({ name: z.string().trim().min(1).max(60), query: viewQuerySchema });
export type CreateViewInput = z.infer<typeof createViewInputSchema>;
export const updateViewInputSchema = z
  .object({ name: z.string().trim().min(1).max(60).optional(), query: viewQuerySchema.optional() })
  .refine((input) => input.name !== undefined || input.query !== undefined, {
    message: 'give name or query',
    path: ['name'],
  });
export type UpdateViewInput = z.infer<typeof updateViewInputSchema>;
export const viewParamsSchema = idParamSchema('viewId');

export const inboxMemberSchema = userRefSchema.extend({ email: z.string() });
/** Members who can read the inbox: the people to assign, transfer to and @mention. */
export const inboxMemberListSchema = z.object({ items: z.array(inboxMemberSchema) });
export const teamListSchema = z.object({ items: z.array(teamRefSchema) });

export const inboxSettingsSchema = z.object({
  /** Contact field keys agents see in the side panel, in order (at most 3). */
  visibleContactFields: z
    .array(z.string().trim().min(1).max(100))
    .max(MAX_VISIBLE_CONTACT_FIELDS)
    .refine((keys) => new Set(keys).size === keys.length, 'lists a field twice'),
});
export type InboxSettings = z.infer<typeof inboxSettingsSchema>;

// --- the composer: a channel's templates ---------------------------------------------------

/** GET /api/channels/:channelId/templates (templates.view). */
export const channelTemplatesQuerySchema = z.object({
  /** Default: APPROVED (the ones that can be sent); `all` for every status. */
  status: z.enum(['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED', 'all']).default('APPROVED'),
});

export const channelTemplateSchema = z.object({
  name: z.string(),
  language: z.string(),
  category: z.string(),
  status: z.string(),
  /** Meta's component definitions (header, body with {{n}} variables, footer, buttons). */
  components: z.array(z.record(z.string(), z.unknown())),
});
export const channelTemplateListSchema = z.object({ items: z.array(channelTemplateSchema) });

// --- live updates ---------------------------------------------------------------------------

/** What an action changed, in `conversation.updated` events. */
export const CONVERSATION_CHANGES = ['status', 'priority', 'assignee', 'tags', 'read', 'notes', 'bot'] as const;
export type ConversationChange = (typeof CONVERSATION_CHANGES)[number];

/** Events the inbox publishes to the tenant's room (api/realtime carries them). */
export const inboxEventSchemas = {
  'conversation.updated': z.object({
    conversationId: z.uuid(),
    channelId: z.uuid(),
    changes: z.array(z.enum(CONVERSATION_CHANGES)).optional(),
  }),
  'note.created': z.object({
    noteId: z.uuid(),
    conversationId: z.uuid(),
    channelId: z.uuid(),
    mentionedUserIds: z.array(z.uuid()),
  }),
};
export type InboxEventName = keyof typeof inboxEventSchemas;
export type InboxEvent<N extends InboxEventName> = z.infer<(typeof inboxEventSchemas)[N]>;
