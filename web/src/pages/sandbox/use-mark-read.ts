// The customer has the chat open: whatever the business sent becomes read, so Parley shows blue
// ticks. Runs on opening and whenever new business messages arrive while the chat is open.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { markThreadRead, sandboxCustomersKey, sandboxThreadKey } from '../../api/sandbox-api.ts';
import type { SandboxMessage } from '#api/sandbox/schemas';

export function useMarkRead(waId: string, messages: SandboxMessage[] | undefined): void {
  const queryClient = useQueryClient();
  const isInFlight = useRef(false);
  const unread = messages?.filter(isUnread).length ?? 0;

  useEffect(() => {
    if (unread === 0 || isInFlight.current) {
      return;
    }
    isInFlight.current = true;
    markThreadRead(waId)
      .then(() =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: sandboxThreadKey(waId) }),
          queryClient.invalidateQueries({ queryKey: sandboxCustomersKey }),
        ]),
      )
      // Not worth an error on screen: the next new message tries again.
      .catch(() => undefined)
      .finally(() => {
        isInFlight.current = false;
      });
  }, [waId, unread, queryClient]);
}

function isUnread(message: SandboxMessage): boolean {
  return message.from === 'business' && message.type !== 'reaction' && ['sent', 'delivered'].includes(message.status);
}
