-- AlterTable
ALTER TABLE "CampaignRun" ADD COLUMN     "limitHeldUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "MessagingReach" (
    "tenantId" UUID NOT NULL,
    "channelId" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "reachedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MessagingReach_pkey" PRIMARY KEY ("channelId","contactId")
);

-- CreateIndex
CREATE INDEX "MessagingReach_channelId_reachedAt_idx" ON "MessagingReach"("channelId", "reachedAt");

-- AddForeignKey
ALTER TABLE "MessagingReach" ADD CONSTRAINT "MessagingReach_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessagingReach" ADD CONSTRAINT "MessagingReach_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessagingReach" ADD CONSTRAINT "MessagingReach_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;


GRANT SELECT, INSERT, UPDATE, DELETE ON "MessagingReach" TO parley_tenant;
ALTER TABLE "MessagingReach" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "MessagingReach" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());

-- Meta's messaging limit counts unique customers reached with business-initiated messages: a
-- template sent while the customer's 24-hour window is closed (docs/campaigns.md). Counted on every
-- send path; not on numbers Meta reports unlimited, which have nothing to enforce.
CREATE FUNCTION messaging_reach_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "MessagingReach" ("tenantId", "channelId", "contactId", "reachedAt")
  SELECT i."tenantId", i."channelId", i."contactId", max(i."createdAt")
  FROM inserted i
  JOIN "Channel" ch ON ch.id = i."channelId"
  LEFT JOIN "Conversation" c ON c.id = i."conversationId"
  WHERE i."direction" = 'outbound' AND i."type" = 'template'
    AND ch."messagingLimitTier" IS DISTINCT FROM 'TIER_UNLIMITED'
    AND (c."lastInboundAt" IS NULL OR c."lastInboundAt" <= i."createdAt" - interval '24 hours')
  GROUP BY 1, 2, 3
  ON CONFLICT ("channelId", "contactId")
    DO UPDATE SET "reachedAt" = greatest("MessagingReach"."reachedAt", EXCLUDED."reachedAt");
  RETURN NULL;
END $$;

CREATE TRIGGER "Message_messaging_reach" AFTER INSERT ON "Message"
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION messaging_reach_inserted();
