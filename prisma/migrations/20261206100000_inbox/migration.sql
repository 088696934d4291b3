-- AlterTable
ALTER TABLE "TenantSettings" ADD COLUMN     "inboxContactFields" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable: inbox search over the contact's names and number, kept by PostgreSQL itself
-- (generated, so every writer, the webhook's SQL included, keeps it current). The 'simple'
-- configuration does not stem: customers write in many languages, and words match by prefix.
ALTER TABLE "Contact" ADD COLUMN     "searchVector" tsvector GENERATED ALWAYS AS (
  to_tsvector('simple', coalesce("name", '') || ' ' || coalesce("profileName", '') || ' ' || "waId")
) STORED;

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "priority" TEXT NOT NULL DEFAULT 'none',
ADD COLUMN     "snoozedUntil" TIMESTAMP(3),
ADD COLUMN     "waitingSince" TIMESTAMP(3);

-- AlterTable: inbox search over message text and captions (generated, see Contact above)
ALTER TABLE "Message" ADD COLUMN     "searchVector" tsvector GENERATED ALWAYS AS (
  to_tsvector('simple', coalesce("text", ''))
) STORED;

-- CreateTable
CREATE TABLE "Tag" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationTag" (
    "tenantId" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "tagId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversationTag_pkey" PRIMARY KEY ("conversationId","tagId")
);

-- CreateTable
CREATE TABLE "ConversationNote" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "authorUserId" UUID,
    "body" TEXT NOT NULL,
    "mentionedUserIds" UUID[],
    "pinnedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConversationNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationAssignment" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "fromUserId" UUID,
    "fromTeamId" UUID,
    "toUserId" UUID,
    "toTeamId" UUID,
    "byKind" TEXT NOT NULL,
    "byId" UUID,
    "byLabel" TEXT NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversationAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedView" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "query" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SavedView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Tag_tenantId_name_key" ON "Tag"("tenantId", "name");

-- CreateIndex
CREATE INDEX "ConversationTag_tagId_idx" ON "ConversationTag"("tagId");

-- CreateIndex
CREATE INDEX "ConversationNote_conversationId_createdAt_idx" ON "ConversationNote"("conversationId", "createdAt");

-- CreateIndex
CREATE INDEX "ConversationAssignment_conversationId_createdAt_idx" ON "ConversationAssignment"("conversationId", "createdAt");

-- CreateIndex
CREATE INDEX "SavedView_tenantId_userId_idx" ON "SavedView"("tenantId", "userId");

-- CreateIndex
CREATE INDEX "Contact_searchVector_idx" ON "Contact" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Message_searchVector_idx" ON "Message" USING GIN ("searchVector");

-- AddForeignKey
ALTER TABLE "Tag" ADD CONSTRAINT "Tag_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationTag" ADD CONSTRAINT "ConversationTag_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationTag" ADD CONSTRAINT "ConversationTag_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationTag" ADD CONSTRAINT "ConversationTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationNote" ADD CONSTRAINT "ConversationNote_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationNote" ADD CONSTRAINT "ConversationNote_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationNote" ADD CONSTRAINT "ConversationNote_authorUserId_fkey" FOREIGN KEY ("authorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationAssignment" ADD CONSTRAINT "ConversationAssignment_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationAssignment" ADD CONSTRAINT "ConversationAssignment_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The close_conversation node wrote 'closed'. The inbox calls it resolved.
UPDATE "Conversation" SET "status" = 'resolved' WHERE "status" = 'closed';

-- waitingSince for conversations whose customer is waiting now: their oldest inbound message
-- after the last outbound one.
UPDATE "Conversation" cv SET "waitingSince" = w.since
FROM (
  SELECT m."conversationId", min(coalesce(m."providerTimestamp", m."createdAt")) AS since
  FROM "Message" m
  WHERE m."direction" = 'inbound' AND NOT EXISTS (
    SELECT 1 FROM "Message" o
    WHERE o."conversationId" = m."conversationId" AND o."direction" = 'outbound' AND o."createdAt" >= m."createdAt"
  )
  GROUP BY m."conversationId"
) w
WHERE cv."id" = w."conversationId";

-- Row-level security for the inbox's tenant-owned tables
GRANT SELECT, INSERT, UPDATE, DELETE ON "Tag", "ConversationTag", "ConversationNote", "ConversationAssignment", "SavedView" TO parley_tenant;
ALTER TABLE "Tag" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Tag" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
ALTER TABLE "ConversationTag" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ConversationTag" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
ALTER TABLE "ConversationNote" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ConversationNote" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
ALTER TABLE "ConversationAssignment" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ConversationAssignment" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
ALTER TABLE "SavedView" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "SavedView" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
