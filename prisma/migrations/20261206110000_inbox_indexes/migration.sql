-- The inbox list's keyset orders (api/inbox/list-conversations.ts): last activity with the id as
-- tie-breaker, for the whole inbox and per status or assignee, and the waiting sort.
DROP INDEX "Conversation_tenantId_lastMessageAt_idx";

-- CreateIndex
CREATE INDEX "Conversation_tenantId_lastMessageAt_id_idx" ON "Conversation"("tenantId", "lastMessageAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Conversation_tenantId_status_lastMessageAt_id_idx" ON "Conversation"("tenantId", "status", "lastMessageAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Conversation_tenantId_assigneeUserId_lastMessageAt_id_idx" ON "Conversation"("tenantId", "assigneeUserId", "lastMessageAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Conversation_tenantId_waitingSince_id_idx" ON "Conversation"("tenantId", "waitingSince", "id");

-- CreateIndex: a contact's conversations (the contactId filter, previous conversations)
CREATE INDEX "Conversation_contactId_idx" ON "Conversation"("contactId");

-- inbox.view_all is new: roles that read the inbox keep seeing every conversation, except the
-- built-in Agent role, which now sees its own and unassigned ones (docs/inbox.md).
UPDATE "Role" SET "permissions" = array_append("permissions", 'inbox.view_all')
WHERE 'inbox.view' = ANY("permissions") AND NOT ('inbox.view_all' = ANY("permissions"))
  AND NOT ("isSystem" AND "name" = 'Agent');
