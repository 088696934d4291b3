// Campaigns as the API accepts and returns them (docs/campaigns.md). Shared with web/: imports only
// zod and other schema modules.
//
// Routes (permission):
//   GET    /api/campaigns?status=&cursor=&limit=              campaigns.view
//   POST   /api/campaigns                                      campaigns.manage (a draft)
//   GET    /api/campaigns/calendar?from=&to=                   campaigns.view
//   POST   /api/campaigns/estimate  (audience size and cost)   campaigns.view
//   GET    /api/campaigns/:campaignId                          campaigns.view
//   PATCH  /api/campaigns/:campaignId  (draft or scheduled)    campaigns.manage
//   DELETE /api/campaigns/:campaignId  (draft, cancelled, completed or failed) campaigns.manage
//   POST   /api/campaigns/:campaignId/launch  (now or its schedule) campaigns.manage
//   POST   /api/campaigns/:campaignId/pause | resume | cancel  campaigns.manage
//   POST   /api/campaigns/:campaignId/duplicate                campaigns.manage
//   GET    /api/campaigns/:campaignId/stats?runId=             campaigns.view
//   GET    /api/campaigns/:campaignId/runs                     campaigns.view
//   GET    /api/campaigns/:campaignId/recipients?runId=&status=&variantId=&cursor=   campaigns.view
//   GET    /api/campaigns/:campaignId/recipients.csv?runId=&status=&variantId=       campaigns.view
// Live event `campaign.progress` (campaignProgressEventSchema) while a run sends.
import { z } from 'zod';
import { dateTimeSchema, idParamSchema, pageSchema } from '../common/schemas.ts';
import { localDateTimeSchema, timeZoneSchema } from '../scheduled-messages/schemas.ts';

export const CAMPAIGN_STATUSES = [
  'draft',
  'scheduled',
  'running',
  'paused',
  'completed',
  'cancelled',
  'failed',
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const RUN_STATUSES = [
  'preparing',
  'waiting',
  'running',
  'testing',
  'paused',
  'completed',
  'cancelled',
  'failed',
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const RECIPIENT_STATUSES = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

/** Why a recipient was skipped (never sent) or failed (WhatsApp refused or lost it). */
export const RECIPIENT_REASONS = {
  opted_out: 'Opted out of marketing',
  not_opted_in: 'Never opted in to marketing',
  outside_window: 'Outside the 24-hour window (free-form message)',
  missing_variable: 'A template variable had no value',
  invalid_number: 'Not a WhatsApp number',
  rate_limited: 'Kept hitting WhatsApp rate limits',
  quota_reached: 'The plan’s message quota was reached',
  outcome_unknown: 'WhatsApp’s answer was lost; not resent so nobody gets it twice',
  cancelled: 'The campaign was cancelled first',
  whatsapp_error: 'WhatsApp refused the message',
} as const;
export type RecipientReason = keyof typeof RECIPIENT_REASONS;

export const MAX_VARIANTS = 5;
export const MAX_SCHEDULE_AHEAD_DAYS = 90;
export const MAX_CAMPAIGN_TEXT_LENGTH = 4096;

/** `HH:MM`, 24-hour clock. */
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:30');

const idList = z.array(z.uuid('is not a valid id')).max(50).default([]);
const tagList = z.array(z.string().trim().min(1).max(64)).max(50).default([]);

/**
 * Who gets it: contacts in any included segment, group (with subgroups) or tag, minus anyone in an
 * excluded one. `allContacts` includes the whole workspace. An uploaded list is imported into a
 * group first (Contacts → Import) and included as that group. Marketing opt-in is always enforced
 * for templates: only opted-in contacts get them.
 */
export const audienceSchema = z
  .object({
    allContacts: z.boolean().default(false),
    include: z.object({ segmentIds: idList, groupIds: idList, tags: tagList }).prefault({}),
    exclude: z.object({ segmentIds: idList, groupIds: idList, tags: tagList }).prefault({}),
  })
  .refine((a) => a.allContacts || a.include.segmentIds.length + a.include.groupIds.length + a.include.tags.length > 0, {
    path: ['include'],
    message: 'choose at least one segment, group or tag, or all contacts',
  });
export type Audience = z.output<typeof audienceSchema>;

/**
 * Where a template variable's value comes from for each recipient: a contact field (`name`,
 * `phone`, `email`, or `fields.<key>` for a custom field) with an optional default, or fixed text.
 */
export const variableBindingSchema = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('contact'),
    field: z
      .string()
      .regex(
        /^(name|phone|email|language|fields\.[a-z][a-z0-9_]{0,63})$/,
        'must be name, phone, email or fields.<key>',
      ),
    default: z.string().trim().max(1024).optional(),
  }),
  z.object({ source: z.literal('text'), value: z.string().trim().min(1, 'is required').max(1024) }),
]);
export type VariableBinding = z.output<typeof variableBindingSchema>;

export const variantMessageSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('template'),
    templateId: z.uuid('is not a valid id'),
    /** Values for the body's {{1}}, {{2}}, … (or named parameters, in the template's order). */
    bodyVariables: z.array(variableBindingSchema).max(20).default([]),
    /** The header's one text variable, when the header has one. */
    headerVariable: variableBindingSchema.optional(),
    /**
     * An image, video or document header's file, from the media library; absent: the file the
     * template was created with.
     */
    headerMediaId: z.uuid('is not a file of the media library').optional(),
  }),
  z.object({ kind: z.literal('text'), text: z.string().trim().min(1, 'is required').max(MAX_CAMPAIGN_TEXT_LENGTH) }),
]);
export type VariantMessage = z.output<typeof variantMessageSchema>;

export const variantInputSchema = z.object({
  label: z.string().trim().min(1).max(20),
  /** Percent of the audience; the variants' weights sum to 100. */
  weight: z.number().int().min(1).max(100),
  message: variantMessageSchema,
});
export type VariantInput = z.output<typeof variantInputSchema>;

/**
 * A/B test phase: `samplePercent` of the audience gets the variants by weight; after `waitMinutes`
 * the variant with the best read (or reply) rate goes to everyone else. Without it, the whole
 * audience is split by weight.
 */
export const abTestSchema = z.object({
  samplePercent: z.number().int().min(5).max(50),
  winnerMetric: z.enum(['read', 'reply']),
  waitMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
});
export type AbTest = z.output<typeof abTestSchema>;

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * When: now (at launch), once at a local time in `timeZone` (at most 90 days ahead), or recurring
 * daily / weekly (on `weekdays`) / monthly (on `dayOfMonth`) at `time` in `timeZone` from
 * `startsOn` until `endsOn` (a Temporal Schedule starts each occurrence).
 */
export const scheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('now') }),
  z.object({ kind: z.literal('once'), localTime: localDateTimeSchema, timeZone: timeZoneSchema }),
  z
    .object({
      kind: z.literal('recurring'),
      frequency: z.enum(['daily', 'weekly', 'monthly']),
      time: clockTimeSchema,
      weekdays: z.array(z.enum(WEEKDAYS)).max(7).default([]),
      dayOfMonth: z.number().int().min(1).max(28).optional(),
      startsOn: z.iso.date('must be a date like 2026-12-24'),
      endsOn: z.iso.date('must be a date like 2026-12-24'),
      timeZone: timeZoneSchema,
    })
    .superRefine((s, ctx) => {
      if (s.frequency === 'weekly' && s.weekdays.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['weekdays'], message: 'choose at least one day' });
      }
      if (s.frequency === 'monthly' && s.dayOfMonth === undefined) {
        ctx.addIssue({ code: 'custom', path: ['dayOfMonth'], message: 'is required for a monthly campaign' });
      }
      if (s.endsOn < s.startsOn) {
        ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'must be on or after the start date' });
      }
    }),
]);
export type Schedule = z.output<typeof scheduleSchema>;

/** No sends between `from` and `to` in the recipient's time zone (else the workspace's). */
export const quietHoursSchema = z
  .object({ from: clockTimeSchema, to: clockTimeSchema })
  .refine((q) => q.from !== q.to, { path: ['to'], message: 'must differ from the start' });
export type QuietHours = z.output<typeof quietHoursSchema>;

const campaignShape = {
  name: z.string().trim().min(1, 'is required').max(120),
  channelId: z.uuid('is not a valid id'),
  audience: audienceSchema,
  /** What a recipient gets when a variable has no value and no default: skipped, or the default text. */
  missingVariable: z.enum(['skip', 'default']).default('skip'),
  variants: z.array(variantInputSchema).min(1, 'add a message').max(MAX_VARIANTS),
  abTest: abTestSchema.nullable().default(null),
  schedule: scheduleSchema.prefault({ kind: 'now' }),
  quietHours: quietHoursSchema.nullable().default(null),
};

function checkVariants(
  c: { variants?: VariantInput[] | undefined; abTest?: AbTest | null | undefined },
  ctx: z.RefinementCtx,
): void {
  if (!c.variants) {
    return;
  }
  const total = c.variants.reduce((sum, v) => sum + v.weight, 0);
  if (total !== 100) {
    ctx.addIssue({ code: 'custom', path: ['variants'], message: `weights must add up to 100 (now ${total})` });
  }
  const labels = new Set(c.variants.map((v) => v.label));
  if (labels.size !== c.variants.length) {
    ctx.addIssue({ code: 'custom', path: ['variants'], message: 'each variant needs its own label' });
  }
  const kinds = new Set(c.variants.map((v) => v.message.kind));
  if (kinds.size > 1) {
    ctx.addIssue({ code: 'custom', path: ['variants'], message: 'all variants are templates or all are text' });
  }
  if (c.abTest && c.variants.length < 2) {
    ctx.addIssue({ code: 'custom', path: ['abTest'], message: 'an A/B test needs 2 to 5 variants' });
  }
}

export const createCampaignInputSchema = z.object(campaignShape).superRefine(checkVariants);
export type CreateCampaignInput = z.output<typeof createCampaignInputSchema>;

/** Any field of a draft or a scheduled campaign that has not started. */
export const updateCampaignInputSchema = z.object(campaignShape).partial().superRefine(checkVariants);
export type UpdateCampaignInput = z.output<typeof updateCampaignInputSchema>;

export const campaignParamsSchema = idParamSchema('campaignId');

export const variantSchema = z.object({
  id: z.uuid(),
  label: z.string(),
  weight: z.number().int(),
  message: variantMessageSchema,
});
export type CampaignVariantView = z.infer<typeof variantSchema>;

export const runSchema = z.object({
  id: z.uuid(),
  status: z.enum(RUN_STATUSES),
  scheduledFor: dateTimeSchema.nullable(),
  audienceSize: z.number().int(),
  sentCount: z.number().int(),
  failedCount: z.number().int(),
  skippedCount: z.number().int(),
  winnerVariantId: z.uuid().nullable(),
  failureReason: z.string().nullable(),
  /** Sending waits for the number's messaging limit until then (docs/campaigns.md); null: not held. */
  limitHeldUntil: dateTimeSchema.nullable(),
  startedAt: dateTimeSchema.nullable(),
  completedAt: dateTimeSchema.nullable(),
});
export type CampaignRunView = z.infer<typeof runSchema>;
/** A campaign's runs, newest first (one for a one-off campaign, one per occurrence when recurring). */
export const runListSchema = z.object({ items: z.array(runSchema) });

export const campaignSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  channel: z.object({ id: z.uuid(), name: z.string(), displayPhoneNumber: z.string().nullable() }),
  audience: audienceSchema,
  missingVariable: z.enum(['skip', 'default']),
  variants: z.array(variantSchema),
  abTest: abTestSchema.nullable(),
  schedule: scheduleSchema,
  quietHours: quietHoursSchema.nullable(),
  /** The next (or only) time it starts, for scheduled and recurring campaigns. */
  nextRunAt: dateTimeSchema.nullable(),
  /** The latest run (the only one of a one-off campaign). */
  lastRun: runSchema.nullable(),
  failureReason: z.string().nullable(),
  createdBy: z.object({ userId: z.uuid(), name: z.string() }).nullable(),
  startedAt: dateTimeSchema.nullable(),
  completedAt: dateTimeSchema.nullable(),
  createdAt: dateTimeSchema,
  updatedAt: dateTimeSchema,
});
export type CampaignView = z.infer<typeof campaignSchema>;
export const campaignPageSchema = pageSchema(campaignSchema);

export const listCampaignsQuerySchema = z.object({
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  q: z.string().trim().max(120).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.uuid('is not a cursor returned by this list').optional(),
});
export type ListCampaignsQuery = z.output<typeof listCampaignsQuerySchema>;

/** Money as a decimal string in the rate card's currency (no float rounding on the wire). */
export const costSchema = z.object({ amount: z.string(), currency: z.string().length(3) });
export type Cost = z.infer<typeof costSchema>;

export const estimateInputSchema = z.object({
  channelId: z.uuid('is not a valid id'),
  audience: audienceSchema,
  messageKind: z.enum(['template', 'text']).default('template'),
  /** For the cost: the first variant's template (its category sets the price). */
  templateId: z.uuid('is not a valid id').optional(),
});
export type EstimateInput = z.output<typeof estimateInputSchema>;

export const estimateSchema = z.object({
  /** Contacts the audience selects before opt-in and window rules. */
  matched: z.number().int(),
  /** Of those, who would get it now: opted in (templates) or inside the 24-hour window (text). */
  reachable: z.number().int(),
  optedOut: z.number().int(),
  notOptedIn: z.number().int(),
  outsideWindow: z.number().int(),
  estimatedCost: costSchema.nullable(),
  /** Messages the plan still allows today and this month (null: unlimited). */
  quotaRemaining: z.object({ day: z.number().int().nullable(), month: z.number().int().nullable() }),
  /**
   * Meta's messaging limit of the number: unique customers it may reach with templates outside
   * their 24-hour window in any 24 hours (null: unlimited or not known), and how many more now.
   * Recipients beyond it wait until the limit frees up.
   */
  messagingLimit: z.object({
    tier: z.string().nullable(),
    limit: z.number().int().nullable(),
    remaining: z.number().int().nullable(),
  }),
});
export type Estimate = z.infer<typeof estimateSchema>;

export const countsSchema = z.object({
  audience: z.number().int(),
  /** Not sent yet (pending or sending). */
  queued: z.number().int(),
  sent: z.number().int(),
  delivered: z.number().int(),
  read: z.number().int(),
  replied: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  /** Opted out after receiving it. */
  optedOut: z.number().int(),
  /** Failures and skips by RECIPIENT_REASONS key. */
  reasons: z.record(z.string(), z.number().int()),
});
export type CampaignCounts = z.infer<typeof countsSchema>;

export const campaignStatsSchema = z.object({
  runId: z.uuid().nullable(),
  status: z.enum(RUN_STATUSES).nullable(),
  total: countsSchema,
  variants: z.array(countsSchema.extend({ variantId: z.uuid(), label: z.string(), isWinner: z.boolean() })),
  estimatedCost: costSchema.nullable(),
  /** From the pricing in WhatsApp's status webhooks: billable messages delivered. */
  actualCost: costSchema.nullable(),
  /** Messages per second over the last few seconds while sending. */
  sendRate: z.number().nullable(),
  updatedAt: dateTimeSchema,
});
export type CampaignStats = z.infer<typeof campaignStatsSchema>;

export const campaignProgressEventSchema = z.object({
  campaignId: z.uuid(),
  runId: z.uuid(),
  status: z.enum(RUN_STATUSES),
  audienceSize: z.number().int(),
  sentCount: z.number().int(),
  failedCount: z.number().int(),
  skippedCount: z.number().int(),
});
export type CampaignProgressEvent = z.infer<typeof campaignProgressEventSchema>;

export const recipientSchema = z.object({
  id: z.uuid(),
  contact: z.object({ id: z.uuid(), name: z.string().nullable(), phone: z.string() }),
  variantLabel: z.string().nullable(),
  status: z.enum(RECIPIENT_STATUSES),
  /** The message's WhatsApp status once sent: sent | delivered | read | failed. */
  messageStatus: z.string().nullable(),
  reason: z.string().nullable(),
  errorCode: z.number().int().nullable(),
  sentAt: dateTimeSchema.nullable(),
  repliedAt: dateTimeSchema.nullable(),
});
export type CampaignRecipientView = z.infer<typeof recipientSchema>;
export const recipientPageSchema = pageSchema(recipientSchema);

export const recipientFilterSchema = z.object({
  runId: z.uuid('is not a valid id').optional(),
  /** A recipient status, or delivered | read | replied for what happened after sending. */
  status: z.enum([...RECIPIENT_STATUSES, 'delivered', 'read', 'replied']).optional(),
  variantId: z.uuid('is not a valid id').optional(),
});
export const listRecipientsQuerySchema = recipientFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.uuid('is not a cursor returned by this list').optional(),
});
export type ListRecipientsQuery = z.output<typeof listRecipientsQuerySchema>;

/** UTC days, both included; without them, this month and the next (at most 366 days). */
export const calendarQuerySchema = z
  .object({
    from: z.iso.date('must be a date like 2026-12-01').optional(),
    to: z.iso.date('must be a date like 2026-12-31').optional(),
  })
  .refine((q) => !q.from || !q.to || q.to >= q.from, { path: ['to'], message: 'must be on or after from' });

export const calendarEntrySchema = z.object({
  campaignId: z.uuid(),
  name: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  /** A run that happened or an occurrence still to come. */
  at: dateTimeSchema,
  recurring: z.boolean(),
  runId: z.uuid().nullable(),
});
export const calendarSchema = z.object({ items: z.array(calendarEntrySchema) });
export type CalendarEntry = z.infer<typeof calendarEntrySchema>;
