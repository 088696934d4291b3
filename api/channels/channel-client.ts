// A Cloud API client for one channel: its decrypted token, and Meta's Graph API or, for Sandbox
// channels, the simulator's.
import type { SecretBox } from '#lib/secret-box';
import type { Env } from '#lib/env';
import { createCloudApiClient, type CloudApiClient } from '../whatsapp/cloud-api-client.ts';
import type { SandboxConnection } from '../sandbox/sandbox-connection.ts';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';

export type ChannelCredentials = { kind: 'sandbox' | 'whatsapp_cloud'; accessToken: string | null };

export type CloudApiDeps = { env: Env; secretBox: SecretBox; sandbox: SandboxConnection | null };

export function cloudApiFor(channel: ChannelCredentials, deps: CloudApiDeps): CloudApiClient | null {
  if (!channel.accessToken) {
    return null;
  }
  const baseUrl = channel.kind === 'sandbox' ? deps.sandbox?.graphUrl : deps.env.GRAPH_API_URL;
  if (!baseUrl) {
    return null;
  }
  return createCloudApiClient({ accessToken: deps.secretBox.decrypt(channel.accessToken), baseUrl });
}

/** The client of one of the tenant's channels, for routes that call Meta; a 409 if it cannot. */
export async function connectedClient(channelId: string, ctx: TenantContext, notConnected: string) {
  const channel = await ctx.db.channel.findUnique({
    where: { id: channelId },
    select: { kind: true, accessToken: true, phoneNumberId: true },
  });
  if (!channel) {
    throw AppError.notFound('Channel');
  }
  const client = cloudApiFor(channel, ctx.services);
  if (!client || !channel.phoneNumberId) {
    throw new AppError('CONFLICT', notConnected);
  }
  return { client, phoneNumberId: channel.phoneNumberId };
}
