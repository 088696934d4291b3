-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "notificationSettings" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "timeZone" TEXT;

-- CreateTable
CREATE TABLE "CannedResponse" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "ownerUserId" UUID,
    "scopeKey" TEXT NOT NULL,
    "shortcut" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "category" TEXT,
    "body" TEXT NOT NULL,
    "usageCount" INTEGER NOT NULL DEFAULT 0,
    "lastUsedAt" TIMESTAMP(3),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CannedResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScheduledMessage" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "createdByUserId" UUID,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "content" JSONB NOT NULL,
    "sendAt" TIMESTAMP(3) NOT NULL,
    "timeZone" TEXT NOT NULL,
    "messageId" UUID,
    "failureReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScheduledMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CannedResponse_tenantId_usageCount_idx" ON "CannedResponse"("tenantId", "usageCount" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "CannedResponse_tenantId_scopeKey_shortcut_key" ON "CannedResponse"("tenantId", "scopeKey", "shortcut");

-- CreateIndex
CREATE INDEX "ScheduledMessage_conversationId_sendAt_idx" ON "ScheduledMessage"("conversationId", "sendAt");

-- AddForeignKey
ALTER TABLE "CannedResponse" ADD CONSTRAINT "CannedResponse_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CannedResponse" ADD CONSTRAINT "CannedResponse_ownerUserId_fkey" FOREIGN KEY ("ownerUserId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduledMessage" ADD CONSTRAINT "ScheduledMessage_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduledMessage" ADD CONSTRAINT "ScheduledMessage_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduledMessage" ADD CONSTRAINT "ScheduledMessage_createdByUserId_fkey" FOREIGN KEY ("createdByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Row-level security for the new tenant-owned tables
GRANT SELECT, INSERT, UPDATE, DELETE ON "CannedResponse", "ScheduledMessage" TO parley_tenant;
ALTER TABLE "CannedResponse" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "CannedResponse" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
ALTER TABLE "ScheduledMessage" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ScheduledMessage" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());

-- Workspaces provisioned before canned.manage existed: their built-in roles that manage the inbox get it
UPDATE "Role" SET "permissions" = array_append("permissions", 'canned.manage')
WHERE "isSystem" AND "name" IN ('Owner', 'Admin', 'Manager') AND NOT ('canned.manage' = ANY("permissions"));
