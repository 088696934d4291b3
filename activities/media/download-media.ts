// Downloads an inbound media file from WhatsApp into media storage: the media id gives a URL
// (valid 5 minutes), the URL gives the bytes. Retried by the workflow on transient errors.
import { ApplicationFailure } from '@temporalio/activity';
import { cloudApiFor } from '#api/channels/channel-client';
import { CloudApiError } from '#api/whatsapp/cloud-api-error';
import { createTenantDb } from '#db/tenant-db';
import { mediaKey } from '#lib/media-store';
import type { ActivityDeps } from '../deps.ts';

const MAX_BYTES = 100 * 1024 * 1024; // WhatsApp's largest media (documents)

export function createMediaActivities(deps: ActivityDeps) {
  return {
    async downloadMedia(input: { tenantId: string; mediaId: string }): Promise<void> {
      const db = createTenantDb(deps.prisma, input.tenantId);
      const media = await db.media.findUnique({
        where: { id: input.mediaId },
        select: { status: true, providerMediaId: true, channel: { select: { kind: true, accessToken: true } } },
      });
      if (!media || media.status === 'stored') {
        return;
      }
      const client = media.channel ? cloudApiFor(media.channel, deps) : null;
      if (!client || !media.providerMediaId) {
        throw ApplicationFailure.nonRetryable('The channel of this media has no credentials');
      }
      try {
        const info = await client.getMedia(media.providerMediaId);
        const file = await client.downloadMedia(info.url);
        if (file.data.length > MAX_BYTES) {
          throw ApplicationFailure.nonRetryable(`The file is larger than ${MAX_BYTES} bytes`);
        }
        await deps.mediaStore.put(mediaKey(input.tenantId, input.mediaId), file.data);
        await db.media.update({
          where: { id: input.mediaId },
          data: {
            status: 'stored',
            storageKey: mediaKey(input.tenantId, input.mediaId),
            sizeBytes: file.data.length,
            mimeType: info.mime_type,
            error: null,
          },
        });
        deps.realtime.publish(input.tenantId, 'media.updated', { mediaId: input.mediaId, status: 'stored' });
      } catch (error) {
        if (error instanceof CloudApiError && !error.isRetryable) {
          throw ApplicationFailure.nonRetryable(error.message, 'CloudApiError');
        }
        throw error;
      }
    },

    async markMediaFailed(input: { tenantId: string; mediaId: string; reason: string }): Promise<void> {
      const db = createTenantDb(deps.prisma, input.tenantId);
      await db.media.update({
        where: { id: input.mediaId },
        data: { status: 'failed', error: input.reason.slice(0, 1000) },
      });
      deps.realtime.publish(input.tenantId, 'media.updated', { mediaId: input.mediaId, status: 'failed' });
    },
  };
}

export type MediaActivities = ReturnType<typeof createMediaActivities>;
