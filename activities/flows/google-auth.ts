// An OAuth access token for the Google Sheets integration: either stored as is ({ accessToken })
// or obtained from a service account key with the JWT bearer grant (RS256, signed with
// node:crypto; no Google SDK). Tokens are cached per service account until shortly before expiry.
import { createSign } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import { throwUnlessOk } from './http-request.ts';

const SCOPE = 'https://www.googleapis.com/auth/spreadsheets';
const DEFAULT_TOKEN_URI = 'https://oauth2.googleapis.com/token';

type ServiceAccount = { client_email: string; private_key: string; token_uri?: string };
const cache = new Map<string, { token: string; expiresAt: number }>();

export async function googleAccessToken(credentials: Record<string, unknown>): Promise<string> {
  if (typeof credentials.accessToken === 'string') {
    return credentials.accessToken;
  }
  const account = (credentials.serviceAccount ?? credentials) as Partial<ServiceAccount>;
  if (typeof account.client_email !== 'string' || typeof account.private_key !== 'string') {
    throw ApplicationFailure.nonRetryable(
      'The Google Sheets integration has no token or service account',
      'BadCredentials',
    );
  }
  const cached = cache.get(account.client_email);
  if (cached && cached.expiresAt > Date.now() + 60_000) {
    return cached.token;
  }
  const tokenUri = account.token_uri ?? DEFAULT_TOKEN_URI;
  const response = await fetch(tokenUri, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: signJwt(account as ServiceAccount, tokenUri),
    }),
    signal: AbortSignal.timeout(10_000),
  });
  throwUnlessOk(response.status, 'Google token endpoint');
  const body = (await response.json()) as { access_token: string; expires_in?: number };
  cache.set(account.client_email, {
    token: body.access_token,
    expiresAt: Date.now() + (body.expires_in ?? 3600) * 1000,
  });
  return body.access_token;
}

function signJwt(account: ServiceAccount, audience: string): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode({
    iss: account.client_email,
    scope: SCOPE,
    aud: audience,
    iat: now,
    exp: now + 3600,
  })}`;
  try {
    const signature = createSign('RSA-SHA256').update(unsigned).sign(account.private_key).toString('base64url');
    return `${unsigned}.${signature}`;
  } catch {
    throw ApplicationFailure.nonRetryable('The service account private key is invalid', 'BadCredentials');
  }
}
