// Runs one routing settings change: the server has the last word, so every routing query is
// refetched afterwards, and a refusal shows as a toast with the server's message.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../../api/api-error.ts';
import { routingKey } from '../../../api/routing-api.ts';
import { useToast } from '../../../components/toast-context.ts';

export function useRoutingAction<T>(run: (input: T) => Promise<unknown>, success?: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      if (success) {
        toast.show(success);
      }
      return queryClient.invalidateQueries({ queryKey: routingKey });
    },
    onError: (error) => toast.show(errorMessage(error), 'error'),
  });
}

/** "Billing, spanish " → ['billing', 'spanish'] (the server checks each). */
export function parseSkills(text: string): string[] {
  return text
    .split(',')
    .map((skill) => skill.trim().toLowerCase())
    .filter((skill) => skill !== '');
}
