// The API client every page uses: adds the access token, and on a 401 refreshes the session once
// and retries; if that fails too the user is signed out and the router sends them to /login.
import type { z } from 'zod';
import { refreshSession } from '../auth/refresh-session.ts';
import { getAccessToken, sessionStore } from '../auth/session-store.ts';
import { ApiError } from './api-error.ts';
import { readResponse, sendRequest, type HttpOptions } from './http.ts';

type RequestOptions<S extends z.ZodType> = HttpOptions & {
  schema?: S;
  /** false for the public auth endpoints, whose 401s mean wrong credentials, not an expired token. */
  auth?: boolean;
};

export async function apiRequest<S extends z.ZodType>(
  path: string,
  options: RequestOptions<S> = {},
): Promise<z.output<S>> {
  if (options.auth === false) {
    return readResponse(await sendRequest(path, options, null), options.schema);
  }
  const response = await authorisedResponse(path, options);
  try {
    return await readResponse(response, options.schema);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'MFA_ENROLLMENT_REQUIRED') {
      sessionStore.markMfaEnrollmentRequired();
    } else if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
      sessionStore.clear('expired');
    }
    throw error;
  }
}

/**
 * A file from the API (a CSV export, a report) saved through a temporary link, with the same
 * token refresh as every other call: an export started after the access token expired still works.
 */
export async function apiDownload(path: string, filename: string, options: HttpOptions = {}): Promise<void> {
  const response = await authorisedResponse(path, options);
  if (!response.ok) {
    const failure = await ApiError.fromResponse(response);
    if (failure.code === 'UNAUTHENTICATED') {
      sessionStore.clear('expired');
    }
    throw failure;
  }
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Sends with the access token; on an expired one, refreshes the session once and sends again. */
async function authorisedResponse(path: string, options: HttpOptions): Promise<Response> {
  const response = await sendRequest(path, options, getAccessToken());
  if (response.status !== 401) {
    return response;
  }
  const failure = await ApiError.fromResponse(response.clone());
  if (failure.code !== 'UNAUTHENTICATED') {
    return response;
  }
  const session = await refreshSession();
  if (!session) {
    sessionStore.clear('expired');
    throw failure;
  }
  return sendRequest(path, options, session.accessToken);
}
