// The workspace's things some nodes point at by id: Google Sheets connections, data tables and
// team members, as options for a select (first 100 of each; a node pointing elsewhere still shows).
import { useQuery } from '@tanstack/react-query';
import { dataTablePageSchema, type DataTable } from '#api/data-tables/schemas';
import { integrationPageSchema } from '#api/integrations/schemas';
import { memberPageSchema } from '#api/members/schemas';
import { apiRequest } from '../../../api/client.ts';
import type { SelectOption } from '../field-options.ts';

export type ResourceOptions = { options: SelectOption[]; isPending: boolean; error: Error | null };
const page = { limit: 100 };
/** Its own keys: the settings pages cache these lists in another shape (infinite pages). */
const key = (name: string) => ['flow-inspector', name];

export function useGoogleSheetsConnections(): ResourceOptions {
  const query = useQuery({
    queryKey: key('integrations'),
    queryFn: () => apiRequest('/api/integrations', { query: page, schema: integrationPageSchema }),
  });
  const items = query.data?.items.filter((integration) => integration.kind === 'google_sheets') ?? [];
  return {
    options: items.map((i) => ({ value: i.id, label: i.name })),
    isPending: query.isPending,
    error: query.error,
  };
}

export function useDataTables(): ResourceOptions & { tables: DataTable[] } {
  const query = useQuery({
    queryKey: key('data-tables'),
    queryFn: () => apiRequest('/api/data-tables', { query: page, schema: dataTablePageSchema }),
  });
  const tables = query.data?.items ?? [];
  return {
    tables,
    options: tables.map((table) => ({ value: table.id, label: table.name })),
    isPending: query.isPending,
    error: query.error,
  };
}

/** Agents to hand off to; a role without members.view gets an error and types an id instead. */
export function useAgents(enabled: boolean): ResourceOptions {
  const query = useQuery({
    queryKey: key('members'),
    enabled,
    retry: false,
    queryFn: () => apiRequest('/api/members', { query: page, schema: memberPageSchema }),
  });
  const options = (query.data?.items ?? []).map((m) => ({
    value: m.user.id,
    label: `${m.user.name} (${m.user.email})`,
  }));
  return { options, isPending: enabled && query.isPending, error: query.error };
}
