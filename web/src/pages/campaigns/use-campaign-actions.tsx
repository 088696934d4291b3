// Pause, resume, cancel, duplicate and delete from the list and the results page: one mutation
// that refreshes every campaign query, toasts the outcome and asks first before cancelling or
// deleting (neither can be undone).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/api-error.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { useToast } from '../../components/toast-context.ts';
import { campaignAction, campaignsKey, deleteCampaign, type CampaignAction } from './campaigns-api.ts';

type Target = { id: string; name: string };
type Confirmable = 'cancel' | 'delete';

const DONE: Record<CampaignAction, string> = {
  pause: 'Paused',
  resume: 'Resumed',
  cancel: 'Cancelled',
  duplicate: 'Duplicated',
};

export function useCampaignActions(): {
  run: (target: Target, action: CampaignAction | 'delete') => void;
  isPending: boolean;
  dialog: ReactNode;
} {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const [confirming, setConfirming] = useState<{ target: Target; action: Confirmable } | null>(null);
  const mutation = useMutation({
    mutationFn: ({ target, action }: { target: Target; action: CampaignAction }) => campaignAction(target.id, action),
    onSuccess: async (result, { target, action }) => {
      await queryClient.invalidateQueries({ queryKey: campaignsKey });
      toast.show(`${DONE[action]} “${target.name}”`, 'success');
      if (action === 'duplicate') {
        await navigate(`/campaigns/${result.id}/edit`);
      }
    },
    onError: (error) => toast.show(errorMessage(error), 'error'),
  });

  const run = (target: Target, action: CampaignAction | 'delete') => {
    if (action === 'cancel' || action === 'delete') {
      setConfirming({ target, action });
    } else {
      mutation.mutate({ target, action });
    }
  };

  const dialog = confirming && (
    <ConfirmDialog
      title={confirming.action === 'cancel' ? 'Cancel this campaign?' : 'Delete this campaign?'}
      message={
        confirming.action === 'cancel'
          ? `“${confirming.target.name}” stops sending: nobody else gets it, and it cannot be restarted. Duplicate it to send again.`
          : `“${confirming.target.name}” will be gone, with its results and recipient list.`
      }
      confirmLabel={confirming.action === 'cancel' ? 'Cancel campaign' : 'Delete'}
      onConfirm={async () => {
        const { target, action } = confirming;
        if (action === 'delete') {
          await deleteCampaign(target.id);
          toast.show(`Deleted “${target.name}”`, 'success');
        } else {
          await campaignAction(target.id, 'cancel');
          toast.show(`Cancelled “${target.name}”`, 'success');
        }
        await queryClient.invalidateQueries({ queryKey: campaignsKey });
      }}
      onClose={() => setConfirming(null)}
    />
  );
  return { run, isPending: mutation.isPending, dialog };
}
