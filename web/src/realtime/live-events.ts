// The events the API pushes to the workspace's Socket.IO room (api/realtime/schemas.ts). Payloads
// are ids only: the app refetches what it shows. Each comes with its number (`LiveMeta`).
import { z } from 'zod';
import { liveMetaSchema, realtimeEventSchemas, type LiveMeta, type RealtimeEventName } from '#api/realtime/schemas';

export const LIVE_EVENTS = Object.keys(realtimeEventSchemas) as RealtimeEventName[];
export type LiveEventName = RealtimeEventName;

/** The fields the app routes on; the rest of each payload is not needed to decide what to refetch. */
export const liveEventPayloadSchema = z.looseObject({
  channelId: z.string().optional(),
  conversationId: z.string().optional(),
  userId: z.string().optional(),
});
export type LiveEventPayload = z.infer<typeof liveEventPayloadSchema>;

export type LiveEvent = { name: LiveEventName; payload: LiveEventPayload };

export function isLiveEventName(name: string): name is LiveEventName {
  return (LIVE_EVENTS as string[]).includes(name);
}

/** An event as received (live or replayed), or null when it is not one the app knows. */
export function toLiveEvent(name: string, payload: unknown): LiveEvent | null {
  if (!isLiveEventName(name)) {
    return null;
  }
  const parsed = liveEventPayloadSchema.safeParse(payload);
  return { name, payload: parsed.success ? parsed.data : {} };
}

export function toLiveMeta(meta: unknown): LiveMeta | null {
  const parsed = liveMetaSchema.safeParse(meta);
  return parsed.success ? parsed.data : null;
}
