// The automation routes of api/automations/schemas.ts as typed calls and queries.
import { useQuery } from '@tanstack/react-query';
import {
  automationRulePageSchema,
  automationRuleSchema,
  automationRunPageSchema,
  type AutomationRuleInput,
} from '#api/automations/schemas';
import { apiRequest } from '../../../api/client.ts';
import { usePagedList } from '../../../api/use-paged-list.ts';

export const automationsKey = ['automations'];

export function useAutomationRules() {
  return usePagedList([...automationsKey, 'list'], (cursor) =>
    apiRequest('/api/automations', { query: { limit: 100, cursor }, schema: automationRulePageSchema }),
  );
}

export function useAutomationRule(id: string | undefined) {
  return useQuery({
    queryKey: [...automationsKey, 'detail', id],
    queryFn: () => apiRequest(`/api/automations/${id}`, { schema: automationRuleSchema }),
    enabled: Boolean(id),
  });
}

export function useAutomationRuns(id: string, status: string) {
  return usePagedList([...automationsKey, 'runs', id, status], (cursor) =>
    apiRequest(`/api/automations/${id}/runs`, {
      query: { limit: 25, cursor, ...(status ? { status } : {}) },
      schema: automationRunPageSchema,
    }),
  );
}

/** The input as the editor holds it: zod defaults filled in by the server. */
export type RuleDraft = Omit<AutomationRuleInput, 'description'> & { description?: string | null };

export const saveRule = (id: string | null, body: RuleDraft) =>
  id
    ? apiRequest(`/api/automations/${id}`, { method: 'PUT', body, schema: automationRuleSchema })
    : apiRequest('/api/automations', { method: 'POST', body, schema: automationRuleSchema });

export const setRuleEnabled = (id: string, isEnabled: boolean) =>
  apiRequest(`/api/automations/${id}/enabled`, { method: 'POST', body: { isEnabled }, schema: automationRuleSchema });

export const duplicateRule = (id: string) =>
  apiRequest(`/api/automations/${id}/duplicate`, { method: 'POST', schema: automationRuleSchema });

export const deleteRule = (id: string) => apiRequest(`/api/automations/${id}`, { method: 'DELETE' });
