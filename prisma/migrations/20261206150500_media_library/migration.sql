-- Media library: sizes before optimisation, image dimensions, how many messages sent each file
-- (kept by the database on every Message write, so every send path counts), and a per-workspace
-- storage quota overriding MEDIA_QUOTA_BYTES.
ALTER TABLE "Media" ADD COLUMN "originalSizeBytes" INTEGER,
  ADD COLUMN "width" INTEGER,
  ADD COLUMN "height" INTEGER,
  ADD COLUMN "messageCount" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "lastUsedAt" TIMESTAMP(3);

ALTER TABLE "TenantSettings" ADD COLUMN "mediaQuotaBytes" BIGINT;

CREATE INDEX "Media_tenantId_createdAt_idx" ON "Media"("tenantId", "createdAt");

CREATE FUNCTION media_message_usage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."mediaId" IS NOT NULL THEN
    UPDATE "Media" SET "messageCount" = greatest("messageCount" - 1, 0) WHERE "id" = OLD."mediaId";
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW."mediaId" IS NOT NULL THEN
    UPDATE "Media" SET "messageCount" = "messageCount" + 1,
      "lastUsedAt" = greatest(coalesce("lastUsedAt", NEW."createdAt"), NEW."createdAt")
      WHERE "id" = NEW."mediaId";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Message_media_usage" AFTER INSERT OR DELETE OR UPDATE OF "mediaId" ON "Message"
  FOR EACH ROW EXECUTE FUNCTION media_message_usage();

UPDATE "Media" md SET "messageCount" = m.uses, "lastUsedAt" = m.last_used
FROM (SELECT "mediaId", count(*) AS uses, max("createdAt") AS last_used FROM "Message"
      WHERE "mediaId" IS NOT NULL GROUP BY "mediaId") m
WHERE m."mediaId" = md."id";
