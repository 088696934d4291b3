import { useQuery } from '@tanstack/react-query';

import {
  syncResultSchema,
  templatePageSchema,
  templateSchema,
  validationResultSchema,
  type TemplateDraftInput,
  type UpdateTemplateInput,
} from '#api/templates/schemas';
import { mediaPageSchema } from '#api/media/schemas';
import { apiRequest } from './client.ts';

export const templatesKey = ['templates'];

export type TemplateFilters = { status?: string; channelId?: string; category?: string; search?: string };

export function useTemplates(filters: TemplateFilters) {
  return useQuery({
    queryKey: [...templatesKey, 'list', filters],
    queryFn: () =>
      apiRequest('/api/templates', {
        query: {
          limit: 100,
          ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)),
        },
        schema: templatePageSchema,
      }),
    // Live updates invalidate this list; while a review is pending, poll as a fallback.
    refetchInterval: (query) => (query.state.data?.items.some((t) => t.status === 'pending') ? 5_000 : false),
  });
}

export function useTemplate(templateId: string | null) {
  return useQuery({
    queryKey: [...templatesKey, 'detail', templateId],
    queryFn: () => apiRequest(`/api/templates/${templateId}`, { schema: templateSchema }),
    enabled: templateId !== null,
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? 5_000 : false),
  });
}

export const createTemplate = (input: TemplateDraftInput) =>
  apiRequest('/api/templates', { method: 'POST', body: input, schema: templateSchema });

export const updateTemplate = (templateId: string, input: UpdateTemplateInput) =>
  apiRequest(`/api/templates/${templateId}`, { method: 'PATCH', body: input, schema: templateSchema });

export const submitTemplate = (templateId: string) =>
  apiRequest(`/api/templates/${templateId}/submit`, { method: 'POST', body: {}, schema: templateSchema });

export const deleteTemplate = (templateId: string) => apiRequest(`/api/templates/${templateId}`, { method: 'DELETE' });

export const syncTemplates = (channelId?: string) =>
  apiRequest('/api/templates/sync', {
    method: 'POST',
    query: channelId ? { channelId } : {},
    schema: syncResultSchema,
  });

export const validateTemplateOnServer = (input: Omit<TemplateDraftInput, 'channelId'>) =>
  apiRequest('/api/templates/validate', { method: 'POST', body: input, schema: validationResultSchema });

/** Files of the media library that can be a header sample (images, videos or documents). */
export function useLibraryMedia(kind: 'image' | 'video' | 'document', enabled: boolean) {
  return useQuery({
    queryKey: ['media', 'library', kind],
    queryFn: () => apiRequest('/api/media', { query: { kind, limit: 50 }, schema: mediaPageSchema }),
    enabled,
  });
}
