// The enabled rules of a tenant for one event type, and the workspace facts rules check (time
// zone, business hours, the contact), read on the pool in plain SQL: this is the hot path every
// event of an interested tenant takes.
import type pg from 'pg';
import { businessHoursSchema, type BusinessHours } from '#flow-dsl/business-hours';
import type { ContactFacts } from './match-rule.ts';
import {
  automationActionsSchema,
  automationConditionsSchema,
  automationTriggerSchema,
  automationWindowSchema,
  type AutomationAction,
  type AutomationConditions,
  type AutomationTrigger,
} from './schemas.ts';

export type LiveRule = {
  id: string;
  name: string;
  channelId: string | null;
  trigger: AutomationTrigger;
  conditions: AutomationConditions;
  actions: AutomationAction[];
  window: BusinessHours | null;
};

export async function enabledRules(pool: pg.Pool, tenantId: string, eventType: string): Promise<LiveRule[]> {
  const { rows } = await pool.query<Record<string, unknown>>(
    `SELECT id, name, "channelId", trigger, conditions, actions, "window" FROM "AutomationRule"
      WHERE "tenantId" = $1 AND "isEnabled" AND "eventType" = $2 ORDER BY "createdAt"`,
    [tenantId, eventType],
  );
  return rows.flatMap((row) => {
    const trigger = automationTriggerSchema.safeParse(row.trigger);
    const actions = automationActionsSchema.safeParse(row.actions);
    if (!trigger.success || !actions.success) {
      return []; // written by a future version: not ours to run
    }
    return [
      {
        id: row.id as string,
        name: row.name as string,
        channelId: (row.channelId as string | null) ?? null,
        trigger: trigger.data,
        conditions: automationConditionsSchema.parse(row.conditions ?? {}),
        actions: actions.data,
        window: automationWindowSchema.parse(row.window ?? null),
      },
    ];
  });
}

export type Workspace = { timezone: string; businessHours: BusinessHours };

export async function workspaceHours(pool: pg.Pool, tenantId: string): Promise<Workspace> {
  const { rows } = await pool.query<{ timezone: string; businessHours: unknown }>(
    'SELECT timezone, "businessHours" FROM "TenantSettings" WHERE "tenantId" = $1',
    [tenantId],
  );
  const parsed = businessHoursSchema.safeParse(rows[0]?.businessHours);
  return { timezone: rows[0]?.timezone ?? 'UTC', businessHours: parsed.success ? parsed.data : { days: {} } };
}

export async function contactFacts(pool: pg.Pool, tenantId: string, contactId: string): Promise<ContactFacts | null> {
  const { rows } = await pool.query<ContactFacts>(
    `SELECT COALESCE(name, "profileName") AS name, email, phone, tags, fields FROM "Contact"
      WHERE id = $1 AND "tenantId" = $2`,
    [contactId, tenantId],
  );
  return rows[0] ?? null;
}

/** The contact's latest conversation (on the channel, when the rule has one), for contact-only triggers. */
export async function latestConversation(
  pool: pg.Pool,
  tenantId: string,
  contactId: string,
  channelId: string | null,
): Promise<{ conversationId: string; channelId: string } | null> {
  const { rows } = await pool.query<{ conversationId: string; channelId: string }>(
    `SELECT id AS "conversationId", "channelId" FROM "Conversation"
      WHERE "tenantId" = $1 AND "contactId" = $2 AND ($3::uuid IS NULL OR "channelId" = $3)
      ORDER BY "lastMessageAt" DESC NULLS LAST LIMIT 1`,
    [tenantId, contactId, channelId],
  );
  return rows[0] ?? null;
}
