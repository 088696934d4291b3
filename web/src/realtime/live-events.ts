// The events the API pushes to the workspace's Socket.IO room (api/realtime/schemas.ts). Payloads
// are ids only: the app refetches what it shows.
import { z } from 'zod';
import { realtimeEventSchemas, type RealtimeEventName } from '#api/realtime/schemas';

export const LIVE_EVENTS = Object.keys(realtimeEventSchemas) as RealtimeEventName[];
export type LiveEventName = RealtimeEventName;

/** The fields the app routes on; the rest of each payload is not needed to decide what to refetch. */
export const liveEventPayloadSchema = z.looseObject({
  channelId: z.string().optional(),
  userId: z.string().optional(),
});
export type LiveEventPayload = z.infer<typeof liveEventPayloadSchema>;
