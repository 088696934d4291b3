import { apiRequestPageSchema, type ApiRequestView } from '#api/api-requests/schemas';
import { apiRequest } from './client.ts';
import { usePagedList } from './use-paged-list.ts';

export type ApiRequestFilters = {
  apiKeyId?: string;
  method?: string;
  path?: string;
  status?: string;
  from?: string;
  to?: string;
};

export function useApiRequests(filters: ApiRequestFilters) {
  return usePagedList<ApiRequestView>(['api-requests', filters], (cursor) =>
    apiRequest('/api/api-requests', { query: { limit: 50, cursor, ...filters }, schema: apiRequestPageSchema }),
  );
}
