-- Row-level security: the second wall behind prisma/tenant-db.ts.
-- Tenant-scoped queries run as the restricted role parley_tenant (created by prisma/migrate.ts,
-- because migrations cannot hold procedural blocks) with app.tenant_id set for the transaction.
-- The migrating role owns the tables and is not subject to these policies.
-- Every later migration that adds a tenant-owned table must enable RLS on it and add a policy:
-- tests/api/tenancy/row-level-security.test.ts fails otherwise.
-- Migrations are applied statement by statement split on semicolons: keep them out of comments.

GRANT USAGE ON SCHEMA public TO parley_tenant;

CREATE OR REPLACE FUNCTION app_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

-- The tenant row itself: read and rename only.
GRANT SELECT, UPDATE ON "Tenant" TO parley_tenant;
ALTER TABLE "Tenant" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Tenant" USING ("id" = app_current_tenant()) WITH CHECK ("id" = app_current_tenant());

-- Users are global: a tenant sees the non-secret columns of its own members only.
GRANT SELECT ("id", "email", "name", "totpEnabledAt", "lastLoginAt", "createdAt") ON "User" TO parley_tenant;
ALTER TABLE "User" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_members ON "User" USING (
  EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = "User"."id" AND m."tenantId" = app_current_tenant())
);

GRANT SELECT, INSERT, UPDATE, DELETE ON "TenantSettings", "Role", "Membership", "Invitation", "ApiKey", "AuditLog", "Channel" TO parley_tenant;

ALTER TABLE "TenantSettings" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "TenantSettings" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
ALTER TABLE "Role" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Role" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
ALTER TABLE "Membership" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Membership" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
ALTER TABLE "Invitation" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Invitation" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
ALTER TABLE "ApiKey" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ApiKey" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
ALTER TABLE "AuditLog" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "AuditLog" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
ALTER TABLE "Channel" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Channel" USING ("tenantId" = app_current_tenant()) WITH CHECK ("tenantId" = app_current_tenant());
