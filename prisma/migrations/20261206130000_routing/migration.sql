-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "firstRespondedAt" TIMESTAMP(3),
ADD COLUMN     "firstResponseDueAt" TIMESTAMP(3),
ADD COLUMN     "resolutionDueAt" TIMESTAMP(3),
ADD COLUMN     "slaBreachesNotified" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "slaStartedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "assignment" TEXT NOT NULL DEFAULT 'round_robin',
ADD COLUMN     "requiredSkills" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "TeamMember" (
    "tenantId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "skills" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "lastAssignedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamMember_pkey" PRIMARY KEY ("teamId","userId")
);

-- CreateTable
CREATE TABLE "AgentStatus" (
    "tenantId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'offline',
    "isAuto" BOOLEAN NOT NULL DEFAULT true,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastActivityAt" TIMESTAMP(3),
    "lastHeartbeatAt" TIMESTAMP(3),
    "maxConcurrent" INTEGER,

    CONSTRAINT "AgentStatus_pkey" PRIMARY KEY ("tenantId","userId")
);

-- CreateTable
CREATE TABLE "AssignmentRule" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "channelId" UUID,
    "teamId" UUID NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "isEnabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssignmentRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlaPolicy" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "priority" TEXT NOT NULL,
    "firstResponseSeconds" INTEGER,
    "resolutionSeconds" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlaPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoutingSettings" (
    "tenantId" UUID NOT NULL,
    "autoAwaySeconds" INTEGER NOT NULL DEFAULT 600,
    "defaultMaxConcurrent" INTEGER NOT NULL DEFAULT 5,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoutingSettings_pkey" PRIMARY KEY ("tenantId")
);

-- CreateIndex
CREATE INDEX "TeamMember_tenantId_userId_idx" ON "TeamMember"("tenantId", "userId");

-- CreateIndex
CREATE INDEX "AgentStatus_status_lastHeartbeatAt_idx" ON "AgentStatus"("status", "lastHeartbeatAt");

-- CreateIndex
CREATE INDEX "AssignmentRule_tenantId_position_idx" ON "AssignmentRule"("tenantId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "SlaPolicy_tenantId_priority_key" ON "SlaPolicy"("tenantId", "priority");

-- CreateIndex
CREATE INDEX "Conversation_firstResponseDueAt_idx" ON "Conversation"("firstResponseDueAt");

-- CreateIndex
CREATE INDEX "Conversation_resolutionDueAt_idx" ON "Conversation"("resolutionDueAt");

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_tenantId_userId_fkey" FOREIGN KEY ("tenantId", "userId") REFERENCES "Membership"("tenantId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgentStatus" ADD CONSTRAINT "AgentStatus_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgentStatus" ADD CONSTRAINT "AgentStatus_tenantId_userId_fkey" FOREIGN KEY ("tenantId", "userId") REFERENCES "Membership"("tenantId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentRule" ADD CONSTRAINT "AssignmentRule_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentRule" ADD CONSTRAINT "AssignmentRule_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentRule" ADD CONSTRAINT "AssignmentRule_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlaPolicy" ADD CONSTRAINT "SlaPolicy_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingSettings" ADD CONSTRAINT "RoutingSettings_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- SLA clocks (docs/routing.md). Triggers keep them, so every path that opens, reopens, resolves
-- or re-prioritises a conversation (webhook ingestion's plain SQL, inbox actions, flow nodes)
-- stamps them in its own transaction. Times are UTC, like Prisma's.
CREATE OR REPLACE FUNCTION routing_sla_clock() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  first_response_seconds integer;
  resolution_seconds integer;
BEGIN
  IF NEW."status" = 'resolved' THEN
    -- Resolved: nothing left to meet.
    NEW."firstResponseDueAt" := NULL;
    NEW."resolutionDueAt" := NULL;
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' OR OLD."status" = 'resolved' THEN
    -- Opened or reopened: a new clock.
    NEW."slaStartedAt" := now() AT TIME ZONE 'UTC';
    NEW."firstRespondedAt" := NULL;
  ELSIF NEW."priority" IS NOT DISTINCT FROM OLD."priority" THEN
    RETURN NEW;
  END IF;
  -- Opened, reopened or re-prioritised: the targets of its priority, from when the clock started.
  NEW."slaStartedAt" := coalesce(NEW."slaStartedAt", now() AT TIME ZONE 'UTC');
  NEW."slaBreachesNotified" := '{}';
  SELECT p."firstResponseSeconds", p."resolutionSeconds" INTO first_response_seconds, resolution_seconds
    FROM "SlaPolicy" p WHERE p."tenantId" = NEW."tenantId" AND p."priority" = NEW."priority";
  NEW."firstResponseDueAt" := CASE WHEN NEW."firstRespondedAt" IS NULL AND first_response_seconds IS NOT NULL
    THEN NEW."slaStartedAt" + make_interval(secs => first_response_seconds) END;
  NEW."resolutionDueAt" := CASE WHEN resolution_seconds IS NOT NULL
    THEN NEW."slaStartedAt" + make_interval(secs => resolution_seconds) END;
  RETURN NEW;
END $$;

CREATE TRIGGER "Conversation_sla_on_insert" BEFORE INSERT ON "Conversation"
  FOR EACH ROW WHEN (NEW."status" <> 'resolved') EXECUTE FUNCTION routing_sla_clock();
-- WHEN keeps the hot path's "still open" updates (every inbound message) away from the function.
CREATE TRIGGER "Conversation_sla_on_update" BEFORE UPDATE OF "status", "priority" ON "Conversation"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."priority" IS DISTINCT FROM NEW."priority")
  EXECUTE FUNCTION routing_sla_clock();

-- The first answer by a person meets the first-response target. Flow messages (idempotency key
-- flow:…) are the bot's, not an agent's.
CREATE OR REPLACE FUNCTION routing_sla_first_response() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Conversation" SET "firstRespondedAt" = now() AT TIME ZONE 'UTC', "firstResponseDueAt" = NULL
    WHERE "id" = NEW."conversationId" AND "firstRespondedAt" IS NULL;
  RETURN NULL;
END $$;

CREATE TRIGGER "Message_sla_first_response" AFTER INSERT ON "Message"
  FOR EACH ROW WHEN (NEW."direction" = 'outbound' AND (NEW."idempotencyKey" IS NULL OR NEW."idempotencyKey" NOT LIKE 'flow:%'))
  EXECUTE FUNCTION routing_sla_first_response();

-- Row-level security for routing's tenant-owned tables
GRANT SELECT, INSERT, UPDATE, DELETE ON "TeamMember", "AgentStatus", "AssignmentRule", "SlaPolicy", "RoutingSettings" TO parley_tenant;
ALTER TABLE "TeamMember" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "TeamMember" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
ALTER TABLE "AgentStatus" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "AgentStatus" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
ALTER TABLE "AssignmentRule" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "AssignmentRule" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
ALTER TABLE "SlaPolicy" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "SlaPolicy" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
ALTER TABLE "RoutingSettings" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "RoutingSettings" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());

-- Owners and admins manage teams and routing (api/auth/permissions.ts), in existing workspaces too
UPDATE "Role" SET "permissions" = array_append("permissions", 'teams.manage')
  WHERE "isSystem" AND "name" IN ('Owner', 'Admin') AND NOT ('teams.manage' = ANY("permissions"));
