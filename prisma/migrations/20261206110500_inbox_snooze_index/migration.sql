-- CreateIndex: the snooze sweep's due rows across tenants (api/inbox/snooze-sweep.ts)
CREATE INDEX "Conversation_status_snoozedUntil_idx" ON "Conversation"("status", "snoozedUntil");
