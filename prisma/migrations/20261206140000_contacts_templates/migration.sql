-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "campaignsReceivedCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "email" TEXT,
ADD COLUMN     "flowsCompletedCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "language" TEXT,
ADD COLUMN     "lastInboundAt" TIMESTAMP(3),
ADD COLUMN     "lastOutboundAt" TIMESTAMP(3),
ADD COLUMN     "messagesReceivedCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "messagesSentCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "optInAt" TIMESTAMP(3),
ADD COLUMN     "optInSource" TEXT,
ADD COLUMN     "optInStatus" TEXT NOT NULL DEFAULT 'unknown';

-- CreateTable
CREATE TABLE "CustomField" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "options" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "required" BOOLEAN NOT NULL DEFAULT false,
    "agentVisible" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustomField_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactGroup" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "parentId" UUID,
    "name" TEXT NOT NULL,
    "roleIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContactGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactGroupMember" (
    "tenantId" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactGroupMember_pkey" PRIMARY KEY ("groupId","contactId")
);

-- CreateTable
CREATE TABLE "Segment" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "condition" JSONB NOT NULL,
    "lastCount" INTEGER,
    "lastCountedAt" TIMESTAMP(3),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Segment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactImport" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "createdById" UUID,
    "filename" TEXT NOT NULL,
    "fileKey" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'uploaded',
    "mapping" JSONB,
    "onExisting" TEXT NOT NULL DEFAULT 'update',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "groupId" UUID,
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "createdCount" INTEGER NOT NULL DEFAULT 0,
    "updatedCount" INTEGER NOT NULL DEFAULT 0,
    "skippedCount" INTEGER NOT NULL DEFAULT 0,
    "rejectedCount" INTEGER NOT NULL DEFAULT 0,
    "reportKey" TEXT,
    "error" TEXT,
    "startedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContactImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageTemplate" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "channelId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "parameterFormat" TEXT NOT NULL DEFAULT 'positional',
    "components" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "rejectionReason" TEXT,
    "qualityScore" TEXT,
    "providerTemplateId" TEXT,
    "submittedAt" TIMESTAMP(3),
    "statusChangedAt" TIMESTAMP(3),
    "lastSyncedAt" TIMESTAMP(3),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MessageTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CustomField_tenantId_key_key" ON "CustomField"("tenantId", "key");

-- CreateIndex
CREATE INDEX "ContactGroup_tenantId_idx" ON "ContactGroup"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "ContactGroup_tenantId_parentId_name_key" ON "ContactGroup"("tenantId", "parentId", "name");

-- CreateIndex
CREATE INDEX "ContactGroupMember_contactId_idx" ON "ContactGroupMember"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "Segment_tenantId_name_key" ON "Segment"("tenantId", "name");

-- CreateIndex
CREATE INDEX "ContactImport_tenantId_createdAt_idx" ON "ContactImport"("tenantId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "MessageTemplate_tenantId_status_idx" ON "MessageTemplate"("tenantId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "MessageTemplate_channelId_name_language_key" ON "MessageTemplate"("channelId", "name", "language");

-- AddForeignKey
ALTER TABLE "CustomField" ADD CONSTRAINT "CustomField_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactGroup" ADD CONSTRAINT "ContactGroup_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactGroup" ADD CONSTRAINT "ContactGroup_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "ContactGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactGroupMember" ADD CONSTRAINT "ContactGroupMember_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactGroupMember" ADD CONSTRAINT "ContactGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ContactGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactGroupMember" ADD CONSTRAINT "ContactGroupMember_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Segment" ADD CONSTRAINT "Segment_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactImport" ADD CONSTRAINT "ContactImport_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageTemplate" ADD CONSTRAINT "MessageTemplate_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageTemplate" ADD CONSTRAINT "MessageTemplate_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Row-level security for the contacts and templates tables
GRANT SELECT, INSERT, UPDATE, DELETE ON "CustomField", "ContactGroup", "ContactGroupMember", "Segment", "ContactImport", "MessageTemplate" TO parley_tenant;
ALTER TABLE "CustomField" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "CustomField" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
ALTER TABLE "ContactGroup" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ContactGroup" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
ALTER TABLE "ContactGroupMember" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ContactGroupMember" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
ALTER TABLE "Segment" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Segment" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
ALTER TABLE "ContactImport" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ContactImport" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
ALTER TABLE "MessageTemplate" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "MessageTemplate" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());

-- Engagement counters on Contact, kept by the database on every stored message so every write
-- path (webhooks, flows, agents, campaigns) counts. Sent: by the business; received: from the contact.
CREATE FUNCTION contact_engagement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."direction" = 'inbound' THEN
    UPDATE "Contact" SET "messagesReceivedCount" = "messagesReceivedCount" + 1,
      "lastInboundAt" = greatest(coalesce("lastInboundAt", NEW."createdAt"), NEW."createdAt")
      WHERE "id" = NEW."contactId";
  ELSE
    UPDATE "Contact" SET "messagesSentCount" = "messagesSentCount" + 1,
      "lastOutboundAt" = greatest(coalesce("lastOutboundAt", NEW."createdAt"), NEW."createdAt")
      WHERE "id" = NEW."contactId";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Message_contact_engagement" AFTER INSERT ON "Message"
  FOR EACH ROW EXECUTE FUNCTION contact_engagement();

UPDATE "Contact" c SET
  "messagesReceivedCount" = m.received, "messagesSentCount" = m.sent,
  "lastInboundAt" = m.last_in, "lastOutboundAt" = m.last_out
FROM (
  SELECT "contactId",
    count(*) FILTER (WHERE "direction" = 'inbound') AS received,
    count(*) FILTER (WHERE "direction" = 'outbound') AS sent,
    max("createdAt") FILTER (WHERE "direction" = 'inbound') AS last_in,
    max("createdAt") FILTER (WHERE "direction" = 'outbound') AS last_out
  FROM "Message" GROUP BY "contactId"
) m WHERE m."contactId" = c."id";

UPDATE "Contact" c SET "flowsCompletedCount" = f.done
FROM (SELECT "contactId", count(*) AS done FROM "FlowSession" WHERE "status" = 'completed' GROUP BY "contactId") f
WHERE f."contactId" = c."id";

CREATE FUNCTION contact_flow_completed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Contact" SET "flowsCompletedCount" = "flowsCompletedCount" + 1 WHERE "id" = NEW."contactId";
  RETURN NULL;
END $$;

CREATE TRIGGER "FlowSession_contact_completed" AFTER UPDATE OF "status" ON "FlowSession"
  FOR EACH ROW WHEN (NEW."status" = 'completed' AND OLD."status" IS DISTINCT FROM 'completed')
  EXECUTE FUNCTION contact_flow_completed();
