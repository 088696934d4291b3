import {
  apiKeyPageSchema,
  apiKeySchema,
  createdApiKeySchema,
  type ApiKey,
  type CreateApiKeyInput,
  type UpdateApiKeyInput,
} from '#api/api-keys/schemas';
import { apiRequest } from './client.ts';
import { usePagedList } from './use-paged-list.ts';

export const apiKeysKey = ['api-keys'];

export function useApiKeys(enabled = true) {
  return usePagedList<ApiKey>(
    apiKeysKey,
    (cursor) => apiRequest('/api/api-keys', { query: { limit: 25, cursor }, schema: apiKeyPageSchema }),
    enabled,
  );
}

export const createApiKey = (body: CreateApiKeyInput) =>
  apiRequest('/api/api-keys', { method: 'POST', body, schema: createdApiKeySchema });

export const updateApiKey = (apiKeyId: string, body: UpdateApiKeyInput) =>
  apiRequest(`/api/api-keys/${apiKeyId}`, { method: 'PATCH', body, schema: apiKeySchema });

export const revokeApiKey = (apiKeyId: string) => apiRequest(`/api/api-keys/${apiKeyId}`, { method: 'DELETE' });
