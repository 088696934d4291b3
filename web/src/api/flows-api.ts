// The Flows API as the list page and the builder use it: shared schemas from api/flows.
import { useQuery } from '@tanstack/react-query';
import {
  flowPageSchema,
  flowSchema,
  flowVersionListSchema,
  flowVersionSchema,
  importedFlowSchema,
  type CreateFlowInput,
  type FlowStatus,
  type FlowSummary,
  type UpdateFlowInput,
} from '#api/flows/schemas';
import { flowAnalyticsSchema } from '#api/flows/analytics-schemas';
import { testRunResultSchema, type TestFlowInput } from '#api/flows/session-schemas';
import { apiRequest } from './client.ts';
import { usePagedList } from './use-paged-list.ts';

export const flowsKey = ['flows'];
export const flowKey = (flowId: string) => ['flows', flowId];

export function useFlows(filters: { search: string; status: FlowStatus | '' }) {
  return usePagedList<FlowSummary>([...flowsKey, 'list', filters], (cursor) =>
    apiRequest('/api/flows', {
      query: { limit: 25, cursor, search: filters.search || undefined, status: filters.status || undefined },
      schema: flowPageSchema,
    }),
  );
}

export function useFlow(flowId: string) {
  return useQuery({
    queryKey: flowKey(flowId),
    queryFn: () => apiRequest(`/api/flows/${flowId}`, { schema: flowSchema }),
    // The builder owns the draft once open: a refetch must not replace what the user is editing.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useFlowVersions(flowId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...flowKey(flowId), 'versions'],
    queryFn: () => apiRequest(`/api/flows/${flowId}/versions`, { schema: flowVersionListSchema }),
    enabled,
  });
}

export const getFlowVersion = (flowId: string, version: number) =>
  apiRequest(`/api/flows/${flowId}/versions/${version}`, { schema: flowVersionSchema });

export const createFlow = (body: CreateFlowInput) =>
  apiRequest('/api/flows', { method: 'POST', body, schema: flowSchema });

export const importFlow = (document: unknown, name?: string) =>
  apiRequest('/api/flows/import', {
    method: 'POST',
    body: { document, ...(name ? { name } : {}) },
    schema: importedFlowSchema,
  });

export const updateFlow = (flowId: string, body: UpdateFlowInput) =>
  apiRequest(`/api/flows/${flowId}`, { method: 'PATCH', body, schema: flowSchema });

export const deleteFlow = (flowId: string) => apiRequest(`/api/flows/${flowId}`, { method: 'DELETE' });

export const duplicateFlow = (flowId: string) =>
  apiRequest(`/api/flows/${flowId}/duplicate`, { method: 'POST', schema: flowSchema });

export const exportFlow = (flowId: string) => apiRequest(`/api/flows/${flowId}/export`);

export const publishFlow = (flowId: string, note?: string) =>
  apiRequest(`/api/flows/${flowId}/publish`, { method: 'POST', body: note ? { note } : {}, schema: flowSchema });

export const rollbackFlow = (flowId: string, version: number) =>
  apiRequest(`/api/flows/${flowId}/rollback`, { method: 'POST', body: { version }, schema: flowSchema });

export const setFlowActive = (flowId: string, active: boolean) =>
  apiRequest(`/api/flows/${flowId}/${active ? 'activate' : 'deactivate'}`, { method: 'POST', schema: flowSchema });

export const testFlow = (flowId: string, body: Partial<TestFlowInput>) =>
  apiRequest(`/api/flows/${flowId}/test`, { method: 'POST', body, schema: testRunResultSchema });

export const getFlowAnalytics = (flowId: string, version?: number) =>
  apiRequest(`/api/flows/${flowId}/analytics`, { query: { version }, schema: flowAnalyticsSchema });
