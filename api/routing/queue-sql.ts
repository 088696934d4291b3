// The waiting queue of one tenant, in the order routing serves it: VIP contacts first, then the
// customer waiting longest (WhatsApp's times are whole seconds, so ties go by arrival). A
// conversation waits when it is open, has no agent, and either has a team or matches an enabled
// channel rule; one a bot is still talking to (a running or waiting flow session) waits for the
// bot's handoff, unless it is named in `include` (the handoff itself). Runs inside the routing
// transaction, under row-level security, and names the tenant anyway.
import type { Prisma } from '#db/client';

export type QueuedConversation = {
  id: string;
  channelId: string;
  contactId: string;
  teamId: string | null;
  isVip: boolean;
  /** From the contact's `skill:<name>` tags, lowercase. */
  skills: string[];
};

const QUEUE_LIMIT = 500;

export async function loadQueue(
  tx: Prisma.TransactionClient,
  tenantId: string,
  include: string[],
): Promise<QueuedConversation[]> {
  return tx.$queryRaw<QueuedConversation[]>`
    SELECT c.id, c."channelId", c."contactId", c."teamId",
      (EXISTS (SELECT 1 FROM unnest(ct.tags) t WHERE lower(t) = 'vip')
        OR lower(coalesce(ct.fields->>'vip', '')) IN ('true', 'yes', '1')) AS "isVip",
      ARRAY(SELECT DISTINCT lower(substr(t, 7)) FROM unnest(ct.tags) t WHERE lower(t) LIKE 'skill:%') AS skills
    FROM "Conversation" c
    JOIN "Contact" ct ON ct.id = c."contactId" AND ct."tenantId" = ${tenantId}::uuid
    WHERE c."tenantId" = ${tenantId}::uuid AND c.status = 'open' AND c."assigneeUserId" IS NULL
      AND (
        (c."teamId" IS NOT NULL AND EXISTS (
          SELECT 1 FROM "Team" tm WHERE tm.id = c."teamId" AND tm."tenantId" = ${tenantId}::uuid AND tm.assignment <> 'manual'))
        OR (c."teamId" IS NULL AND EXISTS (
          SELECT 1 FROM "AssignmentRule" r WHERE r."tenantId" = ${tenantId}::uuid AND r."isEnabled"
            AND (r."channelId" IS NULL OR r."channelId" = c."channelId")))
      )
      AND (c.id = ANY(${include}::uuid[]) OR NOT EXISTS (
        SELECT 1 FROM "FlowSession" fs
        WHERE fs."tenantId" = ${tenantId}::uuid AND fs."channelId" = c."channelId" AND fs."contactId" = c."contactId"
          AND fs.status IN ('running', 'waiting')))
    ORDER BY "isVip" DESC, coalesce(c."waitingSince", c."lastInboundAt", c."createdAt") ASC, c."createdAt" ASC, c.id
    LIMIT ${QUEUE_LIMIT}`;
}
