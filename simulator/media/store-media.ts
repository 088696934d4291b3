// Creates a media object: metadata in the state, bytes in the media store. Used by the Graph
// upload, by customers sending media, and by the Resumable Upload API.
import { createHash } from 'node:crypto';
import type { SimulatorContext } from '../core/simulator-context.ts';
import { objectId } from '../core/ids.ts';
import type { MediaRecord } from '../state/simulator-state.ts';

const DAY = 24 * 3600_000;
/** Uploaded media lives 30 days, media received in webhooks 7 days (contract §8). */
const LIFETIME = { business: 30 * DAY, customer: 7 * DAY, upload: 30 * DAY };

export async function storeMedia(
  ctx: SimulatorContext,
  input: {
    phoneNumberId: string;
    mimeType: string;
    bytes: Buffer;
    filename?: string | null;
    origin: keyof typeof LIFETIME;
  },
): Promise<MediaRecord> {
  const record: MediaRecord = {
    id: objectId(ctx.random),
    phoneNumberId: input.phoneNumberId,
    mimeType: input.mimeType,
    // Current Meta payloads write sha256 as base64 (contract §4); receivers treat it as opaque.
    sha256: createHash('sha256').update(input.bytes).digest('base64'),
    fileSize: input.bytes.length,
    filename: input.filename ?? null,
    createdAt: ctx.now(),
    expiresAt: ctx.now() + LIFETIME[input.origin],
    kind: input.origin === 'upload' ? 'upload' : 'media',
  };
  await ctx.media.put(record.id, input.bytes);
  ctx.store.media.set(record.id, record);
  ctx.store.changed();
  return record;
}

/** A live WhatsApp media object (not an expired one, not a Resumable Upload file). */
export function liveMedia(ctx: SimulatorContext, mediaId: string): MediaRecord | undefined {
  const media = ctx.store.media.get(mediaId);
  return media && media.kind === 'media' && media.expiresAt > ctx.now() ? media : undefined;
}

export async function deleteMedia(ctx: SimulatorContext, mediaId: string): Promise<void> {
  ctx.store.media.delete(mediaId);
  await ctx.media.delete(mediaId);
  ctx.store.changed();
}
