// Every activity the Parley worker registers, built from explicit dependencies so tests can pass
// their own database (docs/conventions.md #7).
import { createTenantActivities, type TenantActivityDeps } from './tenants/provision-tenant.ts';

export type ActivityDeps = TenantActivityDeps;

export function createActivities(deps: ActivityDeps) {
  return { ...createTenantActivities(deps) };
}

export type Activities = ReturnType<typeof createActivities>;
