// "Check health now" starts a background run (202). Its result only emits `channel.updated` when
// the status changes, so the page polls the channel until the check's timestamp moves.
import { useRef, useState } from 'react';
import type { Channel } from '#api/channels/schemas';
import { checkChannelHealth, useChannel } from '../../../api/channels-api.ts';

const POLL_MS = 2000;
const GIVE_UP_MS = 30_000;

export function useChannelWithHealthCheck(channelId: string) {
  const [pending, setPending] = useState<{ before: number } | null>(null);
  const giveUp = useRef<ReturnType<typeof setTimeout>>(undefined);
  const query = useChannel(channelId, pending ? POLL_MS : false);
  const isChecking = pending !== null && lastCheck(query.data) === pending.before;

  const checkHealth = async () => {
    await checkChannelHealth(channelId);
    setPending({ before: lastCheck(query.data) });
    clearTimeout(giveUp.current);
    giveUp.current = setTimeout(() => setPending(null), GIVE_UP_MS);
  };

  return { query, isChecking, checkHealth };
}

function lastCheck(channel: Channel | undefined): number {
  return channel?.lastHealthCheckAt?.getTime() ?? 0;
}
