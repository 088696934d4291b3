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
  let response = await sendRequest(path, options, getAccessToken());
  if (response.status === 401) {
    const failure = await ApiError.fromResponse(response.clone());
    if (failure.code !== 'UNAUTHENTICATED') {
      throw failure;
    }
    const session = await refreshSession();
    if (!session) {
      sessionStore.clear('expired');
      throw failure;
    }
    response = await sendRequest(path, options, session.accessToken);
  }
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
