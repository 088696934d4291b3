// Contact imports (api/contact-imports/schemas.ts): upload a file, validate a mapping, start,
// follow and cancel an import, download its rejected rows.
import { z } from 'zod';
import {
  contactImportPageSchema,
  contactImportSchema,
  importPreviewSchema,
  importValidationSchema,
  type ImportOptionsInput,
  type ImportPreview,
} from '#api/contact-imports/schemas';
import { getAccessToken } from '../auth/session-store.ts';
import { ApiError } from './api-error.ts';
import { apiDownload, apiRequest } from './client.ts';

export const contactImportsKey = ['contact-imports'];

export const listContactImports = (cursor: string | null) =>
  apiRequest('/api/contact-imports', { query: { limit: 25, cursor }, schema: contactImportPageSchema });

export const getContactImport = (id: string) =>
  apiRequest(`/api/contact-imports/${id}`, { schema: contactImportSchema });

export const previewContactImport = (id: string) =>
  apiRequest(`/api/contact-imports/${id}/preview`, { schema: importPreviewSchema });

export const validateContactImport = (id: string, options: ImportOptionsInput) =>
  apiRequest(`/api/contact-imports/${id}/validate`, { method: 'POST', body: options, schema: importValidationSchema });

export const startContactImport = (id: string, options: ImportOptionsInput) =>
  apiRequest(`/api/contact-imports/${id}/start`, { method: 'POST', body: options, schema: contactImportSchema });

export const cancelContactImport = (id: string) =>
  apiRequest(`/api/contact-imports/${id}/cancel`, { method: 'POST', schema: contactImportSchema });

export const downloadImportReport = (id: string, filename: string) =>
  apiDownload(`/api/contact-imports/${id}/report`, `${filename.replace(/\.[^.]*$/, '')}-rejected-rows.csv`);

const groupListSchema = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });

/** The workspace's contact groups, to add an import's contacts to one. */
export const listImportGroups = () => apiRequest('/api/contact-groups', { schema: groupListSchema });

/** Uploads a CSV or Excel file with upload progress (0..1); resolves with its preview. */
export function uploadContactImport(file: File, onProgress: (share: number) => void): Promise<ImportPreview> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/contact-imports');
    request.setRequestHeader('Authorization', `Bearer ${getAccessToken() ?? ''}`);
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onerror = () => reject(ApiError.network());
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        resolve(importPreviewSchema.parse(JSON.parse(request.responseText)));
        return;
      }
      const response = new Response(request.responseText, {
        status: request.status,
        headers: { 'Content-Type': 'application/json' },
      });
      void ApiError.fromResponse(response).then(reject);
    };
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}
