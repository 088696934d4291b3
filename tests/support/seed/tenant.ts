// Seeds a tenant the way a user would: sign-up through the API (which runs the provisioning
// workflow on the real Temporal server).
import { randomBytes } from 'node:crypto';
import type { Session } from '#api/auth/schemas';
import type { CookieJar, HttpClient } from '../http-client.ts';

export type SeededTenant = {
  tenantId: string;
  email: string;
  password: string;
  token: string;
  cookies: CookieJar;
  session: Session;
};

export async function signUpTenant(
  http: HttpClient,
  overrides: { workspaceName?: string; email?: string } = {},
): Promise<SeededTenant> {
  const email = overrides.email ?? `owner-${randomBytes(4).toString('hex')}@example.com`;
  const password = 'correct horse battery staple';
  const cookies: CookieJar = new Map();
  const response = await http.post<Session>(
    '/api/auth/signup',
    { name: 'Test Owner', email, password, workspaceName: overrides.workspaceName ?? 'Test Workspace' },
    { cookies },
  );
  if (response.status !== 201) {
    throw new Error(`sign-up failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return {
    tenantId: response.body.tenant.id,
    email,
    password,
    token: response.body.accessToken,
    cookies,
    session: response.body,
  };
}

/** The id of a role of the caller's workspace, by name. */
export async function roleId(http: HttpClient, token: string, name: string): Promise<string> {
  const roles = await http.get<{ items: Array<{ id: string; name: string }> }>('/api/roles?limit=100', { token });
  const role = roles.body.items.find((r) => r.name === name);
  if (!role) {
    throw new Error(`no role named ${name}`);
  }
  return role.id;
}

/** Creates an API key with the given role and returns the key. */
export async function createApiKey(http: HttpClient, token: string, roleName: string): Promise<string> {
  const created = await http.post<{ key: string }>(
    '/api/api-keys',
    { name: `${roleName} key`, roleId: await roleId(http, token, roleName) },
    { token },
  );
  if (created.status !== 201) {
    throw new Error(`API key creation failed: ${created.status} ${JSON.stringify(created.body)}`);
  }
  return created.body.key;
}
