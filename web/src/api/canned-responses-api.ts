import {
  cannedResponsePageSchema,
  cannedResponseSchema,
  type CreateCannedResponseInput,
  type UpdateCannedResponseInput,
} from '#api/canned-responses/schemas';
import { apiRequest } from './client.ts';

export const cannedResponsesKey = ['canned-responses'];

export const listCannedResponses = (query: { search?: string; scope?: string }) =>
  apiRequest('/api/canned-responses', {
    query: {
      limit: 100,
      sort: 'shortcut',
      ...(query.search ? { search: query.search } : {}),
      ...(query.scope ? { scope: query.scope } : {}),
    },
    schema: cannedResponsePageSchema,
  });

export const createCannedResponse = (input: CreateCannedResponseInput) =>
  apiRequest('/api/canned-responses', { method: 'POST', body: input, schema: cannedResponseSchema });

export const updateCannedResponse = (id: string, input: UpdateCannedResponseInput) =>
  apiRequest(`/api/canned-responses/${id}`, { method: 'PATCH', body: input, schema: cannedResponseSchema });

export const deleteCannedResponse = (id: string) => apiRequest(`/api/canned-responses/${id}`, { method: 'DELETE' });
