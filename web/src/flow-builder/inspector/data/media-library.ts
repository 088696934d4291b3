// Uploads to the workspace's media library from a send_media node (listing: api/media-api.ts).
import { mediaItemSchema, type MediaItem } from '#api/media/schemas';
import { ApiError } from '../../../api/api-error.ts';
import { readResponse } from '../../../api/http.ts';
import { refreshSession } from '../../../auth/refresh-session.ts';
import { getAccessToken } from '../../../auth/session-store.ts';

/**
 * Uploads one file (multipart, part `file`). apiRequest sends JSON only, so this sends the form
 * itself, with the same token and one refresh on an expired one.
 */
export async function uploadMedia(file: File): Promise<MediaItem> {
  const send = (token: string | null) => {
    const form = new FormData();
    form.append('file', file, file.name);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }
    return fetch('/api/media', { method: 'POST', body: form, headers, credentials: 'same-origin' }).catch(() => {
      throw ApiError.network();
    });
  };
  let response = await send(getAccessToken());
  if (response.status === 401) {
    const session = await refreshSession();
    response = session ? await send(session.accessToken) : response;
  }
  return readResponse(response, mediaItemSchema);
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  const kb = bytes / 1024;
  return kb < 1024 ? `${Math.round(kb)} KB` : `${(kb / 1024).toFixed(1)} MB`;
}
