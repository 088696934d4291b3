import { auditPageSchema, type AuditEntryView } from '#api/audit/schemas';
import { apiRequest } from './client.ts';
import { usePagedList } from './use-paged-list.ts';

export type AuditFilters = { action?: string; from?: string; to?: string };

export function useAuditLog(filters: AuditFilters) {
  return usePagedList<AuditEntryView>(['audit-log', filters], (cursor) =>
    apiRequest('/api/audit-log', { query: { limit: 50, cursor, ...filters }, schema: auditPageSchema }),
  );
}
