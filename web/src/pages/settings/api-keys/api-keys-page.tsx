import { useState } from 'react';
import type { ApiKey } from '#api/api-keys/schemas';
import { useApiKeys } from '../../../api/api-keys-api.ts';
import { useWorkspace } from '../../../api/workspace-api.ts';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../../components/states.tsx';
import { formatDate, formatRelative } from '../../../lib/format-date.ts';
import { AllowedIpsDialog } from './allowed-ips-dialog.tsx';
import { NewApiKeyDialog } from './new-api-key-dialog.tsx';
import { RevokeApiKeyDialog } from './revoke-api-key-dialog.tsx';

export function ApiKeysPage() {
  const keys = useApiKeys();
  const [isCreating, setCreating] = useState(false);
  const [toRevoke, setToRevoke] = useState<ApiKey | null>(null);
  const [toRestrict, setToRestrict] = useState<ApiKey | null>(null);
  const workspace = useWorkspace();
  const newKeyButton = (
    <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
      New API key
    </Button>
  );

  return (
    <div className="page">
      <PageHeader
        title="API keys"
        description="Keys let your own systems call the Parley REST API. Each key acts with the permissions of its role."
        actions={newKeyButton}
      />
      {workspace.data && (
        <p className="page-description" data-testid="api-rate-limit">
          Your plan allows{' '}
          <strong>{workspace.data.apiRequestsPerMinute.toLocaleString()} API requests per minute</strong> for the whole
          workspace; each response carries X-RateLimit-Limit, -Remaining and -Reset headers, and a 429 says when to
          retry. Every request is listed under Settings → API requests.
        </p>
      )}
      <Card flush>
        {keys.isPending ? (
          <LoadingState />
        ) : keys.error ? (
          <ErrorState error={keys.error} onRetry={keys.refetch} />
        ) : keys.items.length === 0 ? (
          <EmptyState
            icon="key"
            title="No API keys yet"
            description="Create a key to connect your CRM, your shop or a script to this workspace."
          />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Key</th>
                  <th scope="col">Role</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Allowed IPs</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {keys.items.map((key) => (
                  <tr key={key.id} className={key.revokedAt ? 'is-muted' : undefined}>
                    <td className="cell-strong">{key.name}</td>
                    <td>
                      <code className="key-prefix">{key.prefix}…</code>
                    </td>
                    <td>{key.role.name}</td>
                    <td className="cell-muted">{formatDate(key.createdAt)}</td>
                    <td className="cell-muted">{key.lastUsedAt ? formatRelative(key.lastUsedAt) : 'Never'}</td>
                    <td className="cell-muted cell-break">{allowedIpsLabel(key.allowedIps)}</td>
                    <td>{key.revokedAt ? <Badge tone="red">Revoked</Badge> : <Badge tone="green">Active</Badge>}</td>
                    <td className="cell-actions">
                      {!key.revokedAt && (
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-label={`Edit the IP allow-list of ${key.name}`}
                          onClick={() => setToRestrict(key)}
                        >
                          IP allow-list
                        </Button>
                      )}
                      {!key.revokedAt && (
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-label={`Revoke ${key.name}`}
                          onClick={() => setToRevoke(key)}
                        >
                          Revoke
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore hasMore={keys.hasMore} isLoading={keys.isLoadingMore} onLoadMore={keys.loadMore} />
      </Card>
      {isCreating && <NewApiKeyDialog onClose={() => setCreating(false)} />}
      {toRevoke && <RevokeApiKeyDialog apiKey={toRevoke} onClose={() => setToRevoke(null)} />}
      {toRestrict && <AllowedIpsDialog apiKey={toRestrict} onClose={() => setToRestrict(null)} />}
    </div>
  );
}

function allowedIpsLabel(allowedIps: string[]): string {
  if (allowedIps.length === 0) {
    return 'Any';
  }
  return allowedIps.length <= 2
    ? allowedIps.join(', ')
    : `${allowedIps.slice(0, 2).join(', ')} +${allowedIps.length - 2}`;
}
