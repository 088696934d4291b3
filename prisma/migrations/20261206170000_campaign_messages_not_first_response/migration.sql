-- A campaign's broadcast is not an agent's first response to a customer: like flow messages, it
-- neither meets a conversation's first-response SLA nor costs a per-row trigger call on each of a
-- campaign's bulk-inserted messages.
DROP TRIGGER "Message_sla_first_response" ON "Message";
CREATE TRIGGER "Message_sla_first_response" AFTER INSERT ON "Message"
  FOR EACH ROW WHEN (NEW."direction" = 'outbound' AND (NEW."idempotencyKey" IS NULL
    OR (NEW."idempotencyKey" NOT LIKE 'flow:%' AND NEW."idempotencyKey" NOT LIKE 'campaign:%')))
  EXECUTE FUNCTION routing_sla_first_response();
