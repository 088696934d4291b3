import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Channel } from '#api/channels/schemas';
import { channelKey, channelsListKey, deleteChannel } from '../../../api/channels-api.ts';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { useToast } from '../../../components/toast-context.ts';

/** The server refuses while conversations exist (their history would go); the dialog shows why. */
export function DeleteChannelCard({ channel }: { channel: Channel }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const [isConfirming, setConfirming] = useState(false);

  return (
    <Card title="Remove this number" description="Parley stops sending and receiving on it. Meta keeps the number.">
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Remove number
      </Button>
      {isConfirming && (
        <ConfirmDialog
          title="Remove this number?"
          message={
            <p>
              <strong>{channel.name}</strong> will be removed from this workspace. Numbers with conversations cannot be
              removed: replace their credentials instead.
            </p>
          }
          confirmLabel="Remove number"
          onConfirm={async () => {
            await deleteChannel(channel.id);
            toast.show(`"${channel.name}" removed`);
            // Dropped rather than invalidated, so the list never flashes the removed number.
            queryClient.removeQueries({ queryKey: channelsListKey });
            await navigate('/settings/channels', { replace: true });
            queryClient.removeQueries({ queryKey: channelKey(channel.id) });
          }}
          onClose={() => setConfirming(false)}
        />
      )}
    </Card>
  );
}
