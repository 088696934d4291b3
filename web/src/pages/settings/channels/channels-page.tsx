import { useState } from 'react';
import { Link } from 'react-router';
import { useChannels } from '../../../api/channels-api.ts';
import { useCan } from '../../../auth/use-session.ts';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../../components/states.tsx';
import { formatRelative, formatTimestamp } from '../../../lib/format-date.ts';
import { ChannelStatusBadge } from './channel-status-badge.tsx';
import { ConnectChannelDialog } from './connect-channel-dialog.tsx';

export function ChannelsPage() {
  const channels = useChannels();
  const canManage = useCan()('channels.manage');
  const [isConnecting, setConnecting] = useState(false);

  return (
    <div className="page">
      <PageHeader
        title="Channels"
        description="The WhatsApp numbers of this workspace. Parley checks each one regularly and tells admins when one needs attention."
        actions={
          canManage && (
            <Button variant="primary" icon="plus" onClick={() => setConnecting(true)}>
              Connect a number
            </Button>
          )
        }
      />
      <Card flush>
        {channels.isPending ? (
          <LoadingState />
        ) : channels.error ? (
          <ErrorState error={channels.error} onRetry={channels.refetch} />
        ) : channels.items.length === 0 ? (
          <EmptyState
            icon="phone"
            title="No WhatsApp numbers yet"
            description="Connect a number from Meta's WhatsApp Cloud API to talk to your customers."
          />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Status</th>
                  <th scope="col">Number</th>
                  <th scope="col">Verified name</th>
                  <th scope="col">Last health check</th>
                </tr>
              </thead>
              <tbody>
                {channels.items.map((channel) => (
                  <tr key={channel.id}>
                    <td className="cell-strong">
                      <Link to={`/settings/channels/${channel.id}`}>{channel.name}</Link>{' '}
                      {channel.kind === 'sandbox' && <Badge tone="blue">Sandbox</Badge>}
                    </td>
                    <td>
                      <ChannelStatusBadge status={channel.status} />
                    </td>
                    <td className="cell-nowrap">{channel.displayPhoneNumber ?? '—'}</td>
                    <td>{channel.verifiedName ?? '—'}</td>
                    <td className="cell-muted">
                      {channel.lastHealthCheckAt ? (
                        <time
                          dateTime={channel.lastHealthCheckAt.toISOString()}
                          title={formatTimestamp(channel.lastHealthCheckAt)}
                        >
                          {formatRelative(channel.lastHealthCheckAt)}
                        </time>
                      ) : (
                        'Never'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore hasMore={channels.hasMore} isLoading={channels.isLoadingMore} onLoadMore={channels.loadMore} />
      </Card>
      {isConnecting && <ConnectChannelDialog onClose={() => setConnecting(false)} />}
    </div>
  );
}
