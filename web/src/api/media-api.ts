// The media library (docs/media.md): files with their usage, the storage quota, rename, delete,
// and uploads with progress (used by the Media page and the inbox composer's attachments).
import { useQuery } from '@tanstack/react-query';
import {
  mediaItemSchema,
  mediaPageSchema,
  mediaStorageSchema,
  type MediaItem,
  type MediaKind,
} from '#api/media/schemas';
import { getAccessToken } from '../auth/session-store.ts';
import { ApiError } from './api-error.ts';
import { apiRequest } from './client.ts';
import { usePagedList } from './use-paged-list.ts';

export const mediaKey = ['media'] as const;

export type MediaFilters = { search: string; kind: MediaKind | ''; sort: 'newest' | 'oldest' | 'name' | 'largest' };

export function useMediaList(filters: MediaFilters) {
  return usePagedList([...mediaKey, 'list', filters], (cursor) =>
    apiRequest('/api/media', {
      query: {
        limit: 48,
        sort: filters.sort,
        ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
        ...(filters.kind ? { kind: filters.kind } : {}),
        ...(cursor ? { cursor } : {}),
      },
      schema: mediaPageSchema,
    }),
  );
}

export const mediaLibraryKey = (kind: MediaKind) => [...mediaKey, 'library', kind];

/** The newest 100 library files of one kind, for pickers (a flow's send_media, a campaign's header). */
export function useMediaLibrary(kind: MediaKind, enabled = true) {
  return useQuery({
    queryKey: mediaLibraryKey(kind),
    queryFn: () => apiRequest('/api/media', { query: { kind, limit: 100 }, schema: mediaPageSchema }),
    enabled,
  });
}

export function useMediaStorage() {
  return useQuery({
    queryKey: [...mediaKey, 'storage'],
    queryFn: () => apiRequest('/api/media/storage', { schema: mediaStorageSchema }),
  });
}

export const renameMedia = (id: string, filename: string) =>
  apiRequest(`/api/media/${id}`, { method: 'PATCH', body: { filename }, schema: mediaItemSchema });

export const deleteMedia = (id: string) => apiRequest(`/api/media/${id}`, { method: 'DELETE' });

/**
 * Uploads a file with XMLHttpRequest, which (unlike fetch) reports upload progress; `onProgress`
 * gets 0..1. `path` is POST /api/media (the library, flows.manage) or /api/inbox/attachments
 * (inbox.reply). Resolves with the stored item (its id is what messages and flows send).
 */
export function uploadWithProgress(
  path: '/api/media' | '/api/inbox/attachments',
  file: Blob,
  filename: string,
  onProgress: (fraction: number) => void,
) {
  return new Promise<MediaItem>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('Authorization', `Bearer ${getAccessToken() ?? ''}`);
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onerror = () => reject(ApiError.network());
    request.onload = () => {
      const response = new Response(request.responseText, {
        status: request.status,
        headers: { 'Content-Type': 'application/json' },
      });
      if (request.status >= 200 && request.status < 300) {
        resolve(mediaItemSchema.parse(JSON.parse(request.responseText)));
      } else {
        void ApiError.fromResponse(response).then(reject);
      }
    };
    const form = new FormData();
    form.append('file', file, filename);
    request.send(form);
  });
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
