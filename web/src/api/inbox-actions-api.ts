// Everything an agent does to conversations: one at a time from the thread and side panel, or in
// bulk from the list. Callers invalidate inboxKey afterwards (the live event also arrives, later).
import {
  bulkResultSchema,
  noteSchema,
  type AssignInput,
  type BulkAssignInput,
  type BulkStatusInput,
  type BulkTagsInput,
  type CreateNoteInput,
  type SetStatusInput,
  type Priority,
} from '#api/inbox/schemas';
import { messageSchema, type SendMessageInput } from '#api/messages/schemas';
import { apiDownload, apiRequest } from './client.ts';

const conversation = (id: string) => `/api/conversations/${id}`;

export const markRead = (id: string) => apiRequest(`${conversation(id)}/read`, { method: 'POST' });

export const setStatus = (id: string, body: SetStatusInput) =>
  apiRequest(`${conversation(id)}/status`, { method: 'POST', body });

export const setPriority = (id: string, priority: Priority) =>
  apiRequest(`${conversation(id)}/priority`, { method: 'POST', body: { priority } });

export const assign = (id: string, body: AssignInput) =>
  apiRequest(`${conversation(id)}/assign`, { method: 'POST', body });

/** Assign to me, for members who answer but may not assign (POST …/take). */
export const take = (id: string) => apiRequest(`${conversation(id)}/take`, { method: 'POST', body: {} });

export const unassign = (id: string, reason?: string) =>
  apiRequest(`${conversation(id)}/unassign`, { method: 'POST', body: reason ? { reason } : {} });

export const addTags = (id: string, tagIds: string[]) =>
  apiRequest(`${conversation(id)}/tags`, { method: 'POST', body: { tagIds } });

export const removeTag = (id: string, tagId: string) =>
  apiRequest(`${conversation(id)}/tags/${tagId}`, { method: 'DELETE' });

export const createNote = (id: string, body: Partial<CreateNoteInput> & { body: string }) =>
  apiRequest(`${conversation(id)}/notes`, { method: 'POST', body, schema: noteSchema });

export const pinNote = (id: string, noteId: string, pinned: boolean) =>
  apiRequest(`${conversation(id)}/notes/${noteId}`, { method: 'PATCH', body: { pinned }, schema: noteSchema });

export const botAction = (id: string, action: 'pause' | 'resume' | 'stop') =>
  apiRequest(`${conversation(id)}/bot/${action}`, { method: 'POST' });

export const sendMessage = (body: SendMessageInput) =>
  apiRequest('/api/messages', { method: 'POST', body, schema: messageSchema });

export const retryMessage = (messageId: string) =>
  apiRequest(`/api/messages/${messageId}/retry`, { method: 'POST', schema: messageSchema });

export const bulkAssign = (body: BulkAssignInput) =>
  apiRequest('/api/conversations/bulk/assign', { method: 'POST', body, schema: bulkResultSchema });
export const bulkTags = (body: Omit<BulkTagsInput, 'add' | 'remove'> & { add?: string[]; remove?: string[] }) =>
  apiRequest('/api/conversations/bulk/tags', { method: 'POST', body, schema: bulkResultSchema });
export const bulkStatus = (body: BulkStatusInput) =>
  apiRequest('/api/conversations/bulk/status', { method: 'POST', body, schema: bulkResultSchema });
export const bulkRead = (ids: string[]) =>
  apiRequest('/api/conversations/bulk/read', { method: 'POST', body: { ids }, schema: bulkResultSchema });

/** The CSV of a selection or of the filtered list, saved through a temporary link. */
export const exportConversations = (input: { ids: string[] } | { filter: Record<string, string> }) =>
  apiDownload('/api/conversations/export', `conversations-${new Date().toISOString().slice(0, 10)}.csv`, {
    method: 'POST',
    body: input,
  });
