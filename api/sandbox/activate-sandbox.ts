// Gives a tenant's Sandbox channel a number on the simulator: fresh credentials the first time,
// re-registration afterwards (the simulator may have restarted), then the channel is connected.
import type { TenantDb } from '#db/tenant-db';
import type { Env } from '#lib/env';
import type { SecretBox } from '#lib/secret-box';
import {
  newSandboxNumber,
  registerSandboxNumber,
  type SandboxConnection,
  type SandboxNumber,
} from './sandbox-connection.ts';

export type SandboxDeps = { env: Env; secretBox: SecretBox; sandbox: SandboxConnection | null };

/** The URL the simulator posts webhooks to: this Parley process, over loopback. */
export function internalWebhookUrl(env: Env, channelId: string): string {
  return `http://127.0.0.1:${env.PORT}/webhooks/whatsapp/${channelId}`;
}

export async function activateSandboxChannel(db: TenantDb, deps: SandboxDeps, channelId: string): Promise<boolean> {
  if (!deps.sandbox) {
    return false;
  }
  const channel = await db.channel.findUnique({
    where: { id: channelId },
    select: {
      kind: true,
      wabaId: true,
      phoneNumberId: true,
      displayPhoneNumber: true,
      verifiedName: true,
      accessToken: true,
      appSecret: true,
      verifyToken: true,
    },
  });
  if (channel?.kind !== 'sandbox') {
    return false;
  }
  const { secretBox } = deps;
  const number: SandboxNumber =
    channel.accessToken && channel.appSecret && channel.verifyToken && channel.phoneNumberId && channel.wabaId
      ? {
          phoneNumberId: channel.phoneNumberId,
          wabaId: channel.wabaId,
          displayPhoneNumber: channel.displayPhoneNumber ?? '',
          verifiedName: channel.verifiedName ?? 'Sandbox',
          accessToken: secretBox.decrypt(channel.accessToken),
          appSecret: secretBox.decrypt(channel.appSecret),
          verifyToken: secretBox.decrypt(channel.verifyToken),
        }
      : newSandboxNumber(
          (await db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { name: true } })).name,
        );
  await registerSandboxNumber(deps.sandbox, number, internalWebhookUrl(deps.env, channelId));
  await db.channel.update({
    where: { id: channelId },
    data: {
      phoneNumberId: number.phoneNumberId,
      wabaId: number.wabaId,
      displayPhoneNumber: number.displayPhoneNumber,
      verifiedName: number.verifiedName,
      accessToken: secretBox.encrypt(number.accessToken),
      appSecret: secretBox.encrypt(number.appSecret),
      verifyToken: secretBox.encrypt(number.verifyToken),
      status: 'connected',
      statusReason: null,
      connectedAt: new Date(),
    },
  });
  return true;
}
