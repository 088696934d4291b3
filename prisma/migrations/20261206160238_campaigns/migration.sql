-- AlterTable
ALTER TABLE "TenantSettings" ADD COLUMN     "maxMessagesPerDay" INTEGER,
ADD COLUMN     "maxMessagesPerMonth" INTEGER;

-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "messagesPerSecond" INTEGER NOT NULL DEFAULT 80,
ADD COLUMN     "messagingLimitTier" TEXT;

-- CreateTable
CREATE TABLE "Campaign" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "channelId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "audience" JSONB NOT NULL,
    "messageKind" TEXT NOT NULL DEFAULT 'template',
    "missingVariable" TEXT NOT NULL DEFAULT 'skip',
    "abTest" JSONB,
    "scheduleKind" TEXT NOT NULL DEFAULT 'now',
    "scheduledAt" TIMESTAMP(3),
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "recurrence" JSONB,
    "quietHours" JSONB,
    "failureReason" TEXT,
    "createdById" UUID,
    "startedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignVariant" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,
    "message" JSONB NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CampaignVariant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignRun" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "workflowId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'preparing',
    "scheduledFor" TIMESTAMP(3),
    "audienceSize" INTEGER NOT NULL DEFAULT 0,
    "sentCount" INTEGER NOT NULL DEFAULT 0,
    "failedCount" INTEGER NOT NULL DEFAULT 0,
    "skippedCount" INTEGER NOT NULL DEFAULT 0,
    "winnerVariantId" UUID,
    "failureReason" TEXT,
    "startedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CampaignRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignRecipient" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "variantId" UUID,
    "phase" TEXT NOT NULL DEFAULT 'main',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "notBefore" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "messageId" UUID,
    "reason" TEXT,
    "errorCode" INTEGER,
    "errorDetails" TEXT,
    "sentAt" TIMESTAMP(3),
    "repliedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CampaignRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TenantMessageUsage" (
    "tenantId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TenantMessageUsage_pkey" PRIMARY KEY ("tenantId","day")
);

-- CreateIndex
CREATE INDEX "Campaign_tenantId_createdAt_idx" ON "Campaign"("tenantId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Campaign_tenantId_scheduledAt_idx" ON "Campaign"("tenantId", "scheduledAt");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignVariant_campaignId_label_key" ON "CampaignVariant"("campaignId", "label");

-- CreateIndex
CREATE INDEX "CampaignRun_tenantId_createdAt_idx" ON "CampaignRun"("tenantId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "CampaignRun_campaignId_workflowId_key" ON "CampaignRun"("campaignId", "workflowId");

-- CreateIndex
CREATE INDEX "CampaignRecipient_runId_status_id_idx" ON "CampaignRecipient"("runId", "status", "id");

-- CreateIndex
CREATE INDEX "CampaignRecipient_contactId_sentAt_idx" ON "CampaignRecipient"("contactId", "sentAt");

-- CreateIndex
CREATE INDEX "CampaignRecipient_messageId_idx" ON "CampaignRecipient"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignRecipient_runId_contactId_key" ON "CampaignRecipient"("runId", "contactId");

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignVariant" ADD CONSTRAINT "CampaignVariant_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignVariant" ADD CONSTRAINT "CampaignVariant_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRun" ADD CONSTRAINT "CampaignRun_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRun" ADD CONSTRAINT "CampaignRun_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRecipient" ADD CONSTRAINT "CampaignRecipient_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRecipient" ADD CONSTRAINT "CampaignRecipient_runId_fkey" FOREIGN KEY ("runId") REFERENCES "CampaignRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRecipient" ADD CONSTRAINT "CampaignRecipient_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRecipient" ADD CONSTRAINT "CampaignRecipient_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "CampaignVariant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TenantMessageUsage" ADD CONSTRAINT "TenantMessageUsage_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Row-level security for the campaign tables
GRANT SELECT, INSERT, UPDATE, DELETE ON "Campaign", "CampaignVariant", "CampaignRun", "CampaignRecipient", "TenantMessageUsage" TO parley_tenant;
ALTER TABLE "Campaign" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Campaign" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
ALTER TABLE "CampaignVariant" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "CampaignVariant" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
ALTER TABLE "CampaignRun" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "CampaignRun" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
ALTER TABLE "CampaignRecipient" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "CampaignRecipient" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
ALTER TABLE "TenantMessageUsage" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "TenantMessageUsage" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());

-- Media usage on insert once per statement (a campaign inserts its messages in batches); updates
-- and deletes of mediaId stay per row (a column list cannot be combined with a transition table).
DROP TRIGGER "Message_media_usage" ON "Message";

CREATE FUNCTION media_message_usage_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Media" md SET "messageCount" = md."messageCount" + m.uses,
    "lastUsedAt" = greatest(coalesce(md."lastUsedAt", m.last_used), m.last_used)
  FROM (SELECT "mediaId", count(*) AS uses, max("createdAt") AS last_used
        FROM inserted WHERE "mediaId" IS NOT NULL GROUP BY "mediaId") m
  WHERE md."id" = m."mediaId";
  RETURN NULL;
END $$;

CREATE TRIGGER "Message_media_usage_insert" AFTER INSERT ON "Message"
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION media_message_usage_inserted();
CREATE TRIGGER "Message_media_usage" AFTER DELETE OR UPDATE OF "mediaId" ON "Message"
  FOR EACH ROW EXECUTE FUNCTION media_message_usage();

-- Outbound messages per tenant per UTC day for the plan's quotas, counted on every send path.
CREATE FUNCTION tenant_message_usage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "TenantMessageUsage" ("tenantId", "day", "count")
  SELECT "tenantId", ("createdAt" AT TIME ZONE 'UTC')::date, count(*)
  FROM inserted WHERE "direction" = 'outbound'
  GROUP BY 1, 2
  ON CONFLICT ("tenantId", "day") DO UPDATE SET "count" = "TenantMessageUsage"."count" + EXCLUDED."count";
  RETURN NULL;
END $$;

CREATE TRIGGER "Message_tenant_usage" AFTER INSERT ON "Message"
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION tenant_message_usage();

-- A customer's message counts as a reply to the campaign messages they got in the 3 days before it.
CREATE FUNCTION campaign_recipient_replied() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "CampaignRecipient" r SET "repliedAt" = m.first_in, "updatedAt" = now()
  FROM (SELECT "contactId", min("createdAt") AS first_in FROM inserted
        WHERE "direction" = 'inbound' GROUP BY "contactId") m
  WHERE r."contactId" = m."contactId" AND r."repliedAt" IS NULL AND r."sentAt" IS NOT NULL
    AND r."sentAt" <= m.first_in AND r."sentAt" > m.first_in - interval '3 days';
  RETURN NULL;
END $$;

CREATE TRIGGER "Message_campaign_replied" AFTER INSERT ON "Message"
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION campaign_recipient_replied();
