// A thin typed client for the parts of Meta's WhatsApp Cloud API that Parley uses (contract
// §7–§10). Requests are validated with the shared schemas before they leave; errors come back as
// CloudApiError. The base URL points at graph.facebook.com or at our simulator.
import type { z } from 'zod';
import { CloudApiError } from './cloud-api-error.ts';
import { requestText } from './graph-http.ts';
import {
  businessProfileSchema,
  mediaInfoSchema,
  phoneNumberInfoSchema,
  templateListSchema,
  type BusinessProfileUpdate,
  type CreateTemplateRequest,
  type TemplateListQuery,
} from './graph-schemas.ts';
import { sendMessageRequestSchema, sendMessageResponseSchema, type SendMessageRequest } from './schemas.ts';

export const GRAPH_API_VERSION = 'v24.0';
const DEFAULT_TIMEOUT_MS = 15_000;

export type CloudApiClientOptions = {
  accessToken: string;
  /** Default https://graph.facebook.com; the sandbox points at the simulator. */
  baseUrl?: string;
  timeoutMs?: number;
};

export type CloudApiClient = ReturnType<typeof createCloudApiClient>;

export function createCloudApiClient(options: CloudApiClientOptions) {
  const base = `${(options.baseUrl ?? 'https://graph.facebook.com').replace(/\/$/, '')}/${GRAPH_API_VERSION}`;
  const call = <T>(method: string, path: string, schema: z.ZodType<T> | null, body?: unknown, form?: FormData) =>
    request<T>(`${base}/${path}`, {
      method,
      accessToken: options.accessToken,
      timeoutMs: options.timeoutMs,
      schema,
      body,
      form,
    });
  const success = async (promise: Promise<unknown>) => void (await promise);

  return {
    sendMessage: (phoneNumberId: string, message: SendMessageRequest) =>
      call('POST', `${phoneNumberId}/messages`, sendMessageResponseSchema, sendMessageRequestSchema.parse(message)),
    markAsRead: (phoneNumberId: string, messageId: string, showTyping = false) =>
      success(
        call('POST', `${phoneNumberId}/messages`, null, {
          messaging_product: 'whatsapp',
          status: 'read',
          message_id: messageId,
          ...(showTyping ? { typing_indicator: { type: 'text' } } : {}),
        }),
      ),
    getPhoneNumber: (phoneNumberId: string) =>
      call(
        'GET',
        `${phoneNumberId}?fields=display_phone_number,verified_name,quality_rating,throughput,whatsapp_business_manager_messaging_limit`,
        phoneNumberInfoSchema,
      ),
    uploadMedia: async (phoneNumberId: string, file: { data: Uint8Array; mimeType: string; filename: string }) => {
      const form = new FormData();
      form.set('messaging_product', 'whatsapp');
      form.set('type', file.mimeType);
      form.set('file', new Blob([new Uint8Array(file.data)], { type: file.mimeType }), file.filename);
      return call('POST', `${phoneNumberId}/media`, null, undefined, form) as Promise<{ id: string }>;
    },
    getMedia: (mediaId: string) => call('GET', mediaId, mediaInfoSchema),
    deleteMedia: (mediaId: string) => success(call('DELETE', mediaId, null)),
    /** Downloads from a media URL (it needs the same bearer token and expires after 5 minutes). */
    downloadMedia: (url: string) => download(url, options.accessToken, options.timeoutMs),
    listTemplates: (wabaId: string, query: TemplateListQuery = {}) => {
      const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
      return call('GET', `${wabaId}/message_templates?${params}`, templateListSchema);
    },
    createTemplate: (wabaId: string, template: CreateTemplateRequest) =>
      call('POST', `${wabaId}/message_templates`, null, template) as Promise<{
        id: string;
        status: string;
        category: string;
      }>,
    /** Deletes one language when `templateId` is given (hsm_id), else every language of the name. */
    deleteTemplate: (wabaId: string, name: string, templateId?: string) =>
      success(
        call(
          'DELETE',
          `${wabaId}/message_templates?name=${encodeURIComponent(name)}${templateId ? `&hsm_id=${encodeURIComponent(templateId)}` : ''}`,
          null,
        ),
      ),
    /** Replaces an existing template's components (and category) and sends it back to review. */
    editTemplate: (templateId: string, edit: Pick<CreateTemplateRequest, 'components'> & { category?: string }) =>
      success(call('POST', encodeURIComponent(templateId), null, edit)),
    /** Resumable Upload API in one chunk (contract §9): the handle a media template header's example needs. */
    uploadResumable: async (appId: string, file: { data: Uint8Array; mimeType: string; filename: string }) => {
      const params = new URLSearchParams({
        file_length: String(file.data.byteLength),
        file_type: file.mimeType,
        file_name: file.filename,
      });
      const session = (await call('POST', `${appId}/uploads?${params}`, null)) as { id: string };
      const response = await fetch(`${base}/${session.id}`, {
        method: 'POST',
        headers: { authorization: `OAuth ${options.accessToken}`, file_offset: '0' },
        body: new Uint8Array(file.data),
        signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      }).catch((error: unknown) => {
        throw CloudApiError.network(error);
      });
      const text = await response.text();
      if (!response.ok) {
        throw CloudApiError.fromResponse(response.status, safeJson(text));
      }
      return safeJson(text) as { h: string };
    },
    getBusinessProfile: async (phoneNumberId: string) => {
      const fields = 'about,address,description,email,profile_picture_url,websites,vertical';
      const result = await call(
        'GET',
        `${phoneNumberId}/whatsapp_business_profile?fields=${fields}`,
        businessProfileSchema,
      );
      return result.data[0] ?? {};
    },
    updateBusinessProfile: (phoneNumberId: string, profile: BusinessProfileUpdate) =>
      success(
        call('POST', `${phoneNumberId}/whatsapp_business_profile`, null, { messaging_product: 'whatsapp', ...profile }),
      ),
  };
}

async function request<T>(
  url: string,
  init: {
    method: string;
    accessToken: string;
    timeoutMs: number | undefined;
    schema: z.ZodType<T> | null;
    body?: unknown;
    form?: FormData;
  },
): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${init.accessToken}` };
  let response: { status: number; text: string };
  try {
    if (init.form) {
      const sent = await fetch(url, {
        method: init.method,
        headers,
        body: init.form,
        signal: AbortSignal.timeout(init.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
      response = { status: sent.status, text: await sent.text() };
    } else {
      const json = init.body !== undefined ? JSON.stringify(init.body) : undefined;
      response = await requestText(url, {
        method: init.method,
        headers: json !== undefined ? { ...headers, 'content-type': 'application/json' } : headers,
        body: json,
        timeoutMs: init.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      });
    }
  } catch (error) {
    throw CloudApiError.network(error);
  }
  const body: unknown = response.text ? safeJson(response.text) : null;
  if (response.status < 200 || response.status > 299) {
    throw CloudApiError.fromResponse(response.status, body);
  }
  return init.schema ? init.schema.parse(body) : (body as T);
}

async function download(
  url: string,
  accessToken: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<{ data: Buffer; mimeType: string }> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${accessToken}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw CloudApiError.network(error);
  }
  if (!response.ok) {
    throw CloudApiError.fromResponse(response.status, safeJson(await response.text()));
  }
  return {
    data: Buffer.from(await response.arrayBuffer()),
    mimeType: response.headers.get('content-type') ?? 'application/octet-stream',
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
