// Runs one action on a conversation: a pending flag, a toast either way, and the inbox refetched
// at once (the live event arrives too, but the agent who acted should not wait for it).
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { errorMessage } from '../../api/api-error.ts';
import { inboxKey } from '../../api/inbox-api.ts';
import { useToast } from '../../components/toast-context.ts';

export function useConversationAction() {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [isPending, setPending] = useState(false);
  const run = useCallback(
    (action: () => Promise<unknown>, done?: string): Promise<boolean> => {
      setPending(true);
      return action()
        .then(async () => {
          await queryClient.invalidateQueries({ queryKey: inboxKey });
          if (done) {
            toast.show(done, 'success');
          }
          return true;
        })
        .catch((error: unknown) => {
          toast.show(errorMessage(error), 'error');
          return false;
        })
        .finally(() => setPending(false));
    },
    [queryClient, toast],
  );
  return { isPending, run: (action: () => Promise<unknown>, done?: string) => void run(action, done), runAsync: run };
}
