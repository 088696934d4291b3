-- A campaign's message counts toward its contact's engagement when WhatsApp takes it, in the same
-- update that counts the contact's campaigns (activities/campaigns/campaign-ledger-sql.ts,
-- recordSent), instead of a second update of the contact when the message is created: each update
-- of a contact rewrites its row and recomputes its search vector, and a 1,000/s campaign paid both.
-- A campaign message WhatsApp refused no longer counts as sent.
CREATE OR REPLACE FUNCTION contact_engagement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Contact" c SET
    "messagesReceivedCount" = c."messagesReceivedCount" + m.received,
    "messagesSentCount" = c."messagesSentCount" + m.sent,
    -- greatest() skips NULLs: a contact's first message sets the time.
    "lastInboundAt" = greatest(c."lastInboundAt", m.last_in),
    "lastOutboundAt" = greatest(c."lastOutboundAt", m.last_out)
  FROM (
    SELECT "contactId",
      count(*) FILTER (WHERE "direction" = 'inbound') AS received,
      count(*) FILTER (WHERE "direction" = 'outbound') AS sent,
      max("createdAt") FILTER (WHERE "direction" = 'inbound') AS last_in,
      max("createdAt") FILTER (WHERE "direction" = 'outbound') AS last_out
    FROM inserted
    WHERE NOT ("direction" = 'outbound' AND coalesce("idempotencyKey", '') LIKE 'campaign:%')
    GROUP BY "contactId"
  ) m
  WHERE c."id" = m."contactId";
  RETURN NULL;
END $$;
