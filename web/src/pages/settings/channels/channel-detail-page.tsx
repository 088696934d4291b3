import { Link, useParams } from 'react-router';
import { useCan } from '../../../auth/use-session.ts';
import { Card } from '../../../components/card.tsx';
import { Icon } from '../../../components/icon.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ErrorState, LoadingState } from '../../../components/states.tsx';
import { BusinessProfileCard } from './business-profile-card.tsx';
import { ChannelStatusCard } from './channel-status-card.tsx';
import { DeleteChannelCard } from './delete-channel-card.tsx';
import { ReconnectionSteps } from './reconnection-steps.tsx';
import { ReplaceCredentialsCard } from './replace-credentials-card.tsx';
import { useChannelWithHealthCheck } from './use-health-check.ts';
import { WebhookSetupCard } from './webhook-setup-card.tsx';

export function ChannelDetailPage() {
  const { channelId = '' } = useParams();
  const { query, isChecking, checkHealth } = useChannelWithHealthCheck(channelId);
  const canManage = useCan()('channels.manage');
  const channel = query.data;
  const backLink = (
    <Link to="/settings/channels" className="back-link">
      <Icon name="arrowLeft" size={14} />
      All channels
    </Link>
  );

  if (!channel) {
    return (
      <div className="page">
        {backLink}
        <Card>
          {query.error ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : <LoadingState />}
        </Card>
      </div>
    );
  }
  const isCloud = channel.kind === 'whatsapp_cloud';
  // A degraded number still reaches WhatsApp; a pending or disconnected one has nothing to read from.
  const isReachable = channel.status === 'connected' || channel.status === 'degraded';
  return (
    <div className="page">
      {backLink}
      <PageHeader
        title={channel.name}
        description={
          isCloud
            ? 'A number of the WhatsApp Cloud API.'
            : 'The practice number played by Parley’s simulator: chat with it from the Sandbox phone.'
        }
      />
      <ChannelStatusCard channel={channel} canManage={canManage} isChecking={isChecking} onCheckHealth={checkHealth} />
      <ReconnectionSteps channel={channel} canManage={canManage} />
      {isReachable && <BusinessProfileCard channel={channel} canManage={canManage} />}
      {isCloud && canManage && (
        <>
          <WebhookSetupCard channelId={channel.id} />
          <ReplaceCredentialsCard channel={channel} />
          <DeleteChannelCard channel={channel} />
        </>
      )}
    </div>
  );
}
