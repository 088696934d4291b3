// The few channel fields a webhook needs before its tenant is known, decrypted and cached for a
// short while: at a thousand webhooks a second, one database read and one decryption each would
// be most of the work.
import type { PrismaClient } from '#db/client';
import type { SecretBox } from '#lib/secret-box';

export type ChannelSecrets = {
  tenantId: string;
  phoneNumberId: string | null;
  appSecret: string | null;
  verifyToken: string | null;
};

const TTL_MS = 30_000;

export function createChannelSecretsCache(prisma: PrismaClient, secretBox: SecretBox) {
  const cache = new Map<string, { value: ChannelSecrets | null; expiresAt: number }>();
  return {
    async get(channelId: string): Promise<ChannelSecrets | null> {
      const hit = cache.get(channelId);
      if (hit && hit.expiresAt > Date.now()) {
        return hit.value;
      }
      const row = await prisma.channel.findUnique({
        where: { id: channelId },
        select: { tenantId: true, phoneNumberId: true, appSecret: true, verifyToken: true },
      });
      const value = row
        ? {
            tenantId: row.tenantId,
            phoneNumberId: row.phoneNumberId,
            appSecret: row.appSecret ? secretBox.decrypt(row.appSecret) : null,
            verifyToken: row.verifyToken ? secretBox.decrypt(row.verifyToken) : null,
          }
        : null;
      if (cache.size > 10_000) {
        cache.clear();
      }
      cache.set(channelId, { value, expiresAt: Date.now() + TTL_MS });
      return value;
    },
    /** Forget a channel at once (its secrets changed or it was removed). */
    invalidate(channelId: string): void {
      cache.delete(channelId);
    },
  };
}

export type ChannelSecretsCache = ReturnType<typeof createChannelSecretsCache>;
