// The composer's helpers: canned responses (typed as `/shortcut`), scheduled messages, the
// channel's approved templates and media uploads with progress.
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { cannedResponsePageSchema, renderedCannedResponseSchema } from '#api/canned-responses/schemas';
import {
  scheduledMessagePageSchema,
  scheduledMessageSchema,
  type CreateScheduledMessageInput,
  type UpdateScheduledMessageInput,
} from '#api/scheduled-messages/schemas';
import { apiRequest } from './client.ts';
import { conversationKey } from './inbox-api.ts';
import { uploadWithProgress } from './media-api.ts';

export function useCannedResponses(search: string, enabled: boolean) {
  return useQuery({
    queryKey: ['canned-responses', 'search', search],
    queryFn: () =>
      apiRequest('/api/canned-responses', { query: { search, limit: 8 }, schema: cannedResponsePageSchema }),
    select: (page) => page.items,
    enabled,
    staleTime: 30_000,
    placeholderData: (previous) => previous,
  });
}

export const renderCannedResponse = (id: string, conversationId: string) =>
  apiRequest(`/api/canned-responses/${id}/render`, {
    method: 'POST',
    body: { conversationId },
    schema: renderedCannedResponseSchema,
  });

export const scheduledKey = (conversationId: string) => [...conversationKey(conversationId), 'scheduled'];

export function useScheduledMessages(conversationId: string) {
  return useQuery({
    queryKey: scheduledKey(conversationId),
    queryFn: () =>
      apiRequest(`/api/conversations/${conversationId}/scheduled-messages`, {
        query: { status: 'scheduled' },
        schema: scheduledMessagePageSchema,
      }),
    select: (page) => page.items,
  });
}

type ScheduleBody = Omit<CreateScheduledMessageInput, 'sendAt'> & { sendAt?: string };
export const scheduleMessage = (conversationId: string, body: ScheduleBody) =>
  apiRequest(`/api/conversations/${conversationId}/scheduled-messages`, {
    method: 'POST',
    body,
    schema: scheduledMessageSchema,
  });

export const updateScheduledMessage = (
  id: string,
  body: Omit<UpdateScheduledMessageInput, 'sendAt'> & { sendAt?: string },
) => apiRequest(`/api/scheduled-messages/${id}`, { method: 'PATCH', body, schema: scheduledMessageSchema });

export const cancelScheduledMessage = (id: string) => apiRequest(`/api/scheduled-messages/${id}`, { method: 'DELETE' });

/** What the composer needs of a template; the rest of Meta's shape is kept but not read. */
const templateItemSchema = z.looseObject({
  name: z.string(),
  language: z.string(),
  status: z.string().optional(),
  category: z.string().nullable().optional(),
  components: z.array(z.looseObject({ type: z.string(), text: z.string().optional() })).optional(),
});
export type TemplateItem = z.infer<typeof templateItemSchema>;

export function useChannelTemplates(channelId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['channels', channelId, 'templates'],
    queryFn: () =>
      apiRequest(`/api/channels/${channelId}/templates`, {
        schema: z.object({ items: z.array(templateItemSchema) }),
      }),
    select: (list) => list.items.filter((t) => !t.status || t.status.toUpperCase() === 'APPROVED'),
    enabled,
    staleTime: 60_000,
  });
}

/** An attachment uploads to the media library with progress (0..1); media-api.ts does the sending. */
export const uploadMedia = (file: Blob, filename: string, onProgress: (fraction: number) => void) =>
  uploadWithProgress('/api/inbox/attachments', file, filename, onProgress);
