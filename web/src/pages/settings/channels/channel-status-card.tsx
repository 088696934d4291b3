import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Channel } from '#api/channels/schemas';
import { channelKey, channelsKey, verifyChannel } from '../../../api/channels-api.ts';
import { Alert } from '../../../components/alert.tsx';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { Spinner } from '../../../components/spinner.tsx';
import { useToast } from '../../../components/toast-context.ts';
import { formatRelative, formatTimestamp } from '../../../lib/format-date.ts';
import { ChannelActionFailure } from './channel-action-failure.tsx';
import { ChannelStatusBadge } from './channel-status-badge.tsx';

type ChannelStatusCardProps = {
  channel: Channel;
  canManage: boolean;
  isChecking: boolean;
  onCheckHealth: () => Promise<void>;
};

const REASON_TONE = { connected: 'info', pending: 'info', degraded: 'warning', disconnected: 'danger' } as const;

export function ChannelStatusCard({ channel, canManage, isChecking, onCheckHealth }: ChannelStatusCardProps) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [pendingAction, setPendingAction] = useState<'verify' | 'health' | null>(null);
  const [failure, setFailure] = useState<{ action: 'verify' | 'health'; error: unknown } | null>(null);

  const run = (action: 'verify' | 'health', task: () => Promise<void>) => {
    setPendingAction(action);
    setFailure(null);
    task()
      .catch((error: unknown) => setFailure({ action, error }))
      // Verify changes the status either way (connected, or disconnected with Meta's reason).
      .finally(() => {
        setPendingAction(null);
        void queryClient.invalidateQueries({ queryKey: channelsKey });
      });
  };
  const verify = () =>
    run('verify', async () => {
      const verified = await verifyChannel(channel.id);
      queryClient.setQueryData(channelKey(channel.id), verified);
      toast.show(`${verified.displayPhoneNumber ?? verified.name} is connected`);
    });
  const checkHealth = () => run('health', onCheckHealth);
  const hasSchedule = channel.connectedAt !== null;

  return (
    <Card
      title={
        <>
          Status <ChannelStatusBadge status={channel.status} />
        </>
      }
      actions={
        canManage && (
          <div className="button-row">
            <Button
              size="sm"
              variant={channel.status === 'connected' ? 'secondary' : 'primary'}
              isPending={pendingAction === 'verify'}
              disabled={!channel.hasCredentials || pendingAction !== null}
              onClick={verify}
            >
              Verify
            </Button>
            <Button
              size="sm"
              isPending={pendingAction === 'health' || isChecking}
              disabled={!hasSchedule || pendingAction !== null}
              title={hasSchedule ? undefined : 'Verify the number first: health checks start once it is connected'}
              onClick={checkHealth}
            >
              Check health now
            </Button>
          </div>
        )
      }
    >
      <div className="stack-sm">
        {channel.statusReason && <Alert tone={REASON_TONE[channel.status]}>{channel.statusReason}</Alert>}
        {failure && <ChannelActionFailure {...failure} />}
        <dl className="details">
          <dt>Number</dt>
          <dd>{channel.displayPhoneNumber ?? 'Filled in by Verify'}</dd>
          <dt>Verified name</dt>
          <dd>{channel.verifiedName ?? '—'}</dd>
          <dt>Phone number id</dt>
          <dd>{channel.phoneNumberId ?? '—'}</dd>
          <dt>Business Account id</dt>
          <dd>{channel.wabaId ?? '—'}</dd>
          <dt>Connected since</dt>
          <dd>{channel.connectedAt ? formatTimestamp(channel.connectedAt) : 'Not verified yet'}</dd>
          <dt>Last health check</dt>
          <dd>
            {isChecking ? (
              <span className="inline-status">
                <Spinner /> Checking…
              </span>
            ) : channel.lastHealthCheckAt ? (
              `${formatRelative(channel.lastHealthCheckAt)} (${formatTimestamp(channel.lastHealthCheckAt)})`
            ) : (
              'Never'
            )}
          </dd>
          {channel.tokenExpiresAt && (
            <>
              <dt>Token expires</dt>
              <dd>{formatTimestamp(channel.tokenExpiresAt)}</dd>
            </>
          )}
        </dl>
      </div>
    </Card>
  );
}
