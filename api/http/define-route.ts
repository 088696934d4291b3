// A route is declared once: method, path, zod schemas, access rule and handler. The same
// declaration registers the Express handler (register-routes.ts), generates the OpenAPI document
// (openapi.ts) and feeds the cross-tenant test suite.
import { z } from 'zod';
import type { PublicContext, TenantContext, UserContext } from '../context.ts';
import type { Permission } from '../auth/permissions.ts';

/** What a `file` route's handler returns: the whole text, or its chunks to stream (large exports). */
export const fileResponseSchema = z.object({
  filename: z.string(),
  content: z.union([z.string(), z.custom<AsyncIterable<string>>(isAsyncIterable, 'is not a stream')]),
});

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

type Schema = z.ZodType | undefined;
type Out<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;
type Result<S extends Schema> = S extends z.ZodType ? z.output<S> : void;

export type RouteInput<P extends Schema, Q extends Schema, B extends Schema> = {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
};

type Spec<P extends Schema, Q extends Schema, B extends Schema, R extends Schema> = {
  method: Method;
  /** Express-style path, e.g. /api/roles/:roleId */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Absent: the route answers 204 No Content. */
  response?: R;
  successStatus?: 200 | 201 | 202;
  example?: { body?: unknown; response?: unknown };
  /**
   * The route answers a file download of this type instead of JSON: its response schema is
   * fileResponseSchema ({ filename, content }), sent as an attachment.
   */
  file?: { contentType: string };
};

export type Access =
  { kind: 'public' } | { kind: 'user' } | { kind: 'tenant'; permission: Permission | null; apiKeys: boolean };

export type Route = {
  access: Access;
  spec: Spec<Schema, Schema, Schema, Schema>;
  handler: (input: RouteInput<Schema, Schema, Schema>, ctx: never) => Promise<unknown>;
};

export function publicRoute<
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
  R extends Schema = undefined,
>(spec: Spec<P, Q, B, R> & { handler: (input: RouteInput<P, Q, B>, ctx: PublicContext) => Promise<Result<R>> }): Route {
  return erase({ kind: 'public' }, spec);
}

export function userRoute<
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
  R extends Schema = undefined,
>(spec: Spec<P, Q, B, R> & { handler: (input: RouteInput<P, Q, B>, ctx: UserContext) => Promise<Result<R>> }): Route {
  return erase({ kind: 'user' }, spec);
}

/**
 * A route inside the caller's tenant. `permission: null` admits any member; API keys are accepted
 * unless `apiKeys: false` (account and security settings are for people only).
 */
export function tenantRoute<
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
  R extends Schema = undefined,
>(
  spec: Spec<P, Q, B, R> & {
    permission: Permission | null;
    apiKeys?: boolean;
    handler: (input: RouteInput<P, Q, B>, ctx: TenantContext) => Promise<Result<R>>;
  },
): Route {
  return erase({ kind: 'tenant', permission: spec.permission, apiKeys: spec.apiKeys ?? true }, spec);
}

function erase(access: Access, spec: Spec<Schema, Schema, Schema, Schema> & { handler: unknown }): Route {
  const { handler, ...rest } = spec;
  return { access, spec: rest, handler: handler as Route['handler'] };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<string> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
