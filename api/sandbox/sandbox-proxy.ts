// Forwards the Sandbox phone's requests to the simulator's control API for the tenant's Sandbox
// number, and rewrites the simulator's media links into signed Parley URLs.
import type { z } from 'zod';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { activateSandboxChannel } from './activate-sandbox.ts';
import { signedSandboxMediaPath } from './sandbox-media.ts';

export async function sandboxNumberOf(ctx: TenantContext): Promise<{ channelId: string; phoneNumberId: string }> {
  if (!ctx.services.sandbox) {
    throw new AppError('UNAVAILABLE', 'The sandbox is turned off on this installation (SANDBOX_URL=off)');
  }
  const channel = await ctx.db.channel.findFirst({
    where: { kind: 'sandbox' },
    select: { id: true, phoneNumberId: true },
  });
  if (!channel) {
    throw AppError.notFound('Sandbox channel');
  }
  if (!channel.phoneNumberId) {
    await activateSandboxChannel(ctx.db, ctx.services, channel.id);
    return sandboxNumberOf(ctx);
  }
  return { channelId: channel.id, phoneNumberId: channel.phoneNumberId };
}

/** Calls the simulator and reads its answer with `schema` (its timestamps become Dates). */
export async function callSandbox<T>(
  ctx: TenantContext,
  schema: z.ZodType<T>,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<T> {
  const { phoneNumberId } = await sandboxNumberOf(ctx);
  const response = await fetch(`${ctx.services.sandbox!.controlUrl}/numbers/${phoneNumberId}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const payload: unknown = text ? JSON.parse(rewriteMediaLinks(text, ctx.services.jwtSecret)) : null;
  if (!response.ok) {
    const message =
      (payload as { error?: { message?: string } } | null)?.error?.message ??
      `The simulator answered ${response.status}`;
    throw new AppError(response.status === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED', message, { simulator: payload });
  }
  return schema.parse(payload);
}

function rewriteMediaLinks(json: string, secret: string): string {
  return json.replace(/"(?:https?:\/\/[^"]*?)?\/_sandbox\/media\/([\w.-]+)"/g, (_match, mediaId: string) =>
    JSON.stringify(signedSandboxMediaPath(mediaId, secret)),
  );
}
