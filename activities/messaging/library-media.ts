// A send_media node, an agent's attachment or a template's header may name a file of Parley's
// media library (our Media id, a uuid) instead of a WhatsApp media id. WhatsApp sends only ids
// uploaded to the sending number, so the file is uploaded to the channel's number first (Cloud API
// and Sandbox alike) and the message carries the id WhatsApp gave it. Uploaded ids live 30 days at
// Meta: each worker reuses one for 29 days.
import { buffer } from 'node:stream/consumers';
import { ApplicationFailure } from '@temporalio/activity';
import { cloudApiFor } from '#api/channels/channel-client';
import { libraryMediaIdOf, withMediaId } from '#api/messages/library-media-ref';
import { CloudApiError } from '#api/whatsapp/cloud-api-error';
import type { OutboundContent } from '#api/whatsapp/schemas';
import { createTenantDb } from '#db/tenant-db';
import type { ActivityDeps } from '../deps.ts';

const REUSE_MS = 29 * 24 * 3600 * 1000;
const REMEMBERED = 5000;

/**
 * `${channelId}:${mediaId}` → the upload of WhatsApp's media id (in flight or done) and until when
 * it may be reused. Sends that need the same file at once (a campaign's concurrent batches) share
 * one upload instead of each uploading its own copy.
 */
const uploaded = new Map<string, { id: Promise<string>; until: number }>();

type Target = { tenantId: string; channelId: string };

/** The content with a library media id replaced by the channel's WhatsApp media id. */
export async function withChannelMediaId(
  deps: ActivityDeps,
  target: Target,
  content: OutboundContent,
): Promise<OutboundContent> {
  const mediaId = libraryMediaIdOf(content);
  if (!mediaId) {
    return content;
  }
  const key = `${target.channelId}:${mediaId}`;
  let known = uploaded.get(key);
  if (!known || known.until <= Date.now()) {
    const upload = uploadToChannel(deps, target, mediaId);
    known = { id: upload, until: Date.now() + REUSE_MS };
    uploaded.delete(key);
    uploaded.set(key, known);
    if (uploaded.size > REMEMBERED) {
      uploaded.delete(uploaded.keys().next().value!); // the oldest upload
    }
    // A failed upload is not remembered: the next send tries again.
    upload.catch(() => uploaded.get(key)?.id === upload && uploaded.delete(key));
  }
  return withMediaId(content, await known.id);
}

async function uploadToChannel(deps: ActivityDeps, target: Target, mediaId: string): Promise<string> {
  const db = createTenantDb(deps.prisma, target.tenantId);
  const [media, channel] = await Promise.all([
    db.media.findUnique({
      where: { id: mediaId },
      select: { status: true, storageKey: true, mimeType: true, filename: true },
    }),
    db.channel.findUnique({
      where: { id: target.channelId },
      select: { kind: true, accessToken: true, phoneNumberId: true },
    }),
  ]);
  const file = media?.status === 'stored' && media.storageKey ? await deps.mediaStore.get(media.storageKey) : null;
  if (!media || !file) {
    throw ApplicationFailure.nonRetryable(`Media ${mediaId} is not in the media library`, 'SendRejected');
  }
  const client = channel ? cloudApiFor(channel, deps) : null;
  if (!client || !channel?.phoneNumberId) {
    throw ApplicationFailure.nonRetryable('The channel has no credentials', 'SendRejected');
  }
  const data = await buffer(file.stream);
  try {
    const result = await client.uploadMedia(channel.phoneNumberId, {
      data,
      mimeType: media.mimeType,
      filename: media.filename ?? mediaId,
    });
    return result.id;
  } catch (error) {
    if (error instanceof CloudApiError && !error.isRetryable) {
      throw ApplicationFailure.nonRetryable(`WhatsApp refused the media file: ${error.message}`, 'SendFailed');
    }
    throw error;
  }
}
