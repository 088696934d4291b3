// Canned responses (saved replies) as the API accepts and returns them (docs/inbox-extras.md).
// Shared with web/: imports only zod and api/common/schemas.ts.
//
// Routes (permission):
//   GET    /api/canned-responses?search=&category=&scope=&sort=&limit=&cursor=   inbox.reply
//   GET    /api/canned-responses/categories                                       inbox.reply
//   POST   /api/canned-responses          personal: inbox.reply; shared: canned.manage
//   PATCH  /api/canned-responses/:cannedResponseId    same rule as POST, by the response's scope;
//   DELETE /api/canned-responses/:cannedResponseId    a personal one only by its owner
//   POST   /api/canned-responses/:cannedResponseId/render {conversationId}        inbox.reply
//
// A personal response is visible to its owner only; a shared one to the whole workspace. The
// shortcut is unique per scope: among the owner's personal ones, and among the shared ones (409
// naming `shortcut`). The composer types `/shortcut`.
//
// Usage is counted when the agent inserts a response: `render` interpolates the variables for the
// conversation and counts one use. Rendering is the moment the agent chose it (the text may then
// be edited before sending, and the composer sends through the ordinary send path, which knows
// nothing of canned responses).
import { z } from 'zod';
import { dateTimeSchema, idParamSchema, MAX_PAGE_SIZE, pageSchema } from '../common/schemas.ts';

export const CANNED_SCOPES = ['personal', 'shared'] as const;
export type CannedScope = (typeof CANNED_SCOPES)[number];

/** most_used: usage count, highest first; shortcut: alphabetical; recent: last updated first. */
export const CANNED_SORTS = ['most_used', 'shortcut', 'recent'] as const;

export const MAX_CANNED_BODY_LENGTH = 4096;

/** Variables a body may use; `contact.fields.<key>` reads a custom contact field. */
export const CANNED_VARIABLES = ['contact.name', 'contact.phone', 'contact.fields.<key>', 'agent.name'] as const;

/** Lower-case letters, digits, `-` and `_`, starting with a letter or digit (typed after `/`). */
export const shortcutSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'must be 1–40 letters, digits, "-" or "_" (no spaces), e.g. "greeting"');

const titleSchema = z.string().trim().min(1, 'is required').max(120);
const categorySchema = z.string().trim().min(1).max(60);
const bodySchema = z.string().trim().min(1, 'is required').max(MAX_CANNED_BODY_LENGTH);

export const cannedResponseSchema = z.object({
  id: z.uuid(),
  scope: z.enum(CANNED_SCOPES),
  shortcut: z.string(),
  title: z.string(),
  category: z.string().nullable(),
  body: z.string(),
  usageCount: z.number().int(),
  lastUsedAt: dateTimeSchema.nullable(),
  /** The member who owns a personal response; for a shared one, who created it (null if gone). */
  owner: z.object({ userId: z.uuid(), name: z.string() }).nullable(),
  /** Whether the caller may edit or delete it (owner of a personal one; canned.manage for shared). */
  canEdit: z.boolean(),
  createdAt: dateTimeSchema,
  updatedAt: dateTimeSchema,
});
export type CannedResponseView = z.infer<typeof cannedResponseSchema>;
export const cannedResponsePageSchema = pageSchema(cannedResponseSchema);
export const cannedResponseParamsSchema = idParamSchema('cannedResponseId');

export const listCannedResponsesQuerySchema = z.object({
  /** Matches shortcut, title and body (case-insensitive substring); a leading `/` is ignored. */
  search: z
    .string()
    .trim()
    .max(200)
    .transform((s) => s.replace(/^\//, ''))
    .optional(),
  category: categorySchema.optional(),
  /** Default: both scopes the caller can see. */
  scope: z.enum(CANNED_SCOPES).optional(),
  sort: z.enum(CANNED_SORTS).default('most_used'),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  /** `nextCursor` of the previous page (opaque). */
  cursor: z.uuid('is not a cursor returned by this list').optional(),
});
export type ListCannedResponsesQuery = z.output<typeof listCannedResponsesQuerySchema>;

export const createCannedResponseInputSchema = z.object({
  scope: z.enum(CANNED_SCOPES).default('personal'),
  shortcut: shortcutSchema,
  title: titleSchema,
  category: categorySchema.nullable().optional(),
  body: bodySchema,
});
export type CreateCannedResponseInput = z.output<typeof createCannedResponseInputSchema>;

/** The scope of a response does not change; create a new one in the other scope instead. */
export const updateCannedResponseInputSchema = z
  .object({
    shortcut: shortcutSchema.optional(),
    title: titleSchema.optional(),
    category: categorySchema.nullable().optional(),
    body: bodySchema.optional(),
  })
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), 'change at least one field');
export type UpdateCannedResponseInput = z.output<typeof updateCannedResponseInputSchema>;

export const renderCannedResponseInputSchema = z.object({ conversationId: z.uuid('is not a valid id') });
export type RenderCannedResponseInput = z.output<typeof renderCannedResponseInputSchema>;

export const renderedCannedResponseSchema = z.object({
  cannedResponseId: z.uuid(),
  /** The body with its variables filled in for the conversation's contact and the caller. */
  text: z.string(),
  /** Variables that had no value (rendered as empty text), so the composer can point at them. */
  missingVariables: z.array(z.string()),
  usageCount: z.number().int(),
});
export type RenderedCannedResponse = z.infer<typeof renderedCannedResponseSchema>;

export const cannedCategoriesSchema = z.object({ items: z.array(z.string()) });
