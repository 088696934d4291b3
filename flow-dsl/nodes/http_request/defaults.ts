import { DEFAULT_HTTP_TIMEOUT_SECONDS, type HttpRequestData } from './schema.ts';

export const httpRequestDefaults = {
  method: 'GET',
  url: '',
  headers: [],
  body: '',
  timeoutSeconds: DEFAULT_HTTP_TIMEOUT_SECONDS,
  responseMapping: [],
} satisfies HttpRequestData;
