// Every recipient of a run: contact, variant, what happened (and why it failed or was skipped),
// filtered by status and variant, with the same filters applied to the CSV download.
import { useState } from 'react';
import { Link } from 'react-router';
import { RECIPIENT_REASONS, type CampaignView } from '#api/campaigns/schemas';
import { errorMessage } from '../../api/api-error.ts';
import { Badge, type BadgeTone } from '../../components/badge.tsx';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../components/states.tsx';
import { useToast } from '../../components/toast-context.ts';
import { formatTimestamp } from '../../lib/format-date.ts';
import { downloadRecipientsCsv, useCampaignRecipients } from './campaigns-api.ts';

const STATUS_FILTERS: Array<[string, string]> = [
  ['', 'Any status'],
  ['pending', 'Queued'],
  ['sent', 'Sent'],
  ['delivered', 'Delivered'],
  ['read', 'Read'],
  ['replied', 'Replied'],
  ['failed', 'Failed'],
  ['skipped', 'Skipped'],
];

const TONES: Record<string, BadgeTone> = {
  pending: 'neutral',
  sending: 'blue',
  sent: 'blue',
  delivered: 'blue',
  read: 'green',
  failed: 'red',
  skipped: 'amber',
};

export function RecipientsCard({ campaign, runId }: { campaign: CampaignView; runId: string | null }) {
  const [status, setStatus] = useState('');
  const [variantId, setVariantId] = useState('');
  const [downloading, setDownloading] = useState(false);
  const toast = useToast();
  const filter = { runId: runId ?? undefined, status: status || undefined, variantId: variantId || undefined };
  const list = useCampaignRecipients(campaign.id, filter);
  const download = () => {
    setDownloading(true);
    downloadRecipientsCsv(campaign.id, campaign.name, filter)
      .catch((error: unknown) => toast.show(errorMessage(error), 'error'))
      .finally(() => setDownloading(false));
  };
  return (
    <Card
      title="Recipients"
      flush
      actions={
        <Button size="sm" icon="download" isPending={downloading} onClick={download}>
          Download CSV
        </Button>
      }
    >
      <div className="card-body campaign-filters">
        <select
          className="input select"
          aria-label="Recipient status"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
        >
          {STATUS_FILTERS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        {campaign.variants.length > 1 && (
          <select
            className="input select"
            aria-label="Variant"
            value={variantId}
            onChange={(e) => setVariantId(e.target.value)}
          >
            <option value="">Every variant</option>
            {campaign.variants.map((v) => (
              <option key={v.id} value={v.id}>
                Variant {v.label}
              </option>
            ))}
          </select>
        )}
      </div>
      {list.isPending ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState error={list.error} onRetry={list.refetch} />
      ) : list.items.length === 0 ? (
        <EmptyState
          icon="users"
          title={status || variantId ? 'No recipients match these filters' : 'No recipients yet'}
        />
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Recipients">
            <thead>
              <tr>
                <th scope="col">Contact</th>
                {campaign.variants.length > 1 && <th scope="col">Variant</th>}
                <th scope="col">Status</th>
                <th scope="col">Reason</th>
                <th scope="col">Sent</th>
                <th scope="col">Replied</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((r) => {
                const shown = r.status === 'sent' && r.messageStatus ? r.messageStatus : r.status;
                return (
                  <tr key={r.id}>
                    <td>
                      <Link className="cell-strong" to={`/contacts/${r.contact.id}`}>
                        {r.contact.name ?? r.contact.phone}
                      </Link>
                      {r.contact.name && <div className="cell-muted">{r.contact.phone}</div>}
                    </td>
                    {campaign.variants.length > 1 && <td>{r.variantLabel ?? '—'}</td>}
                    <td>
                      <Badge tone={TONES[shown] ?? 'neutral'}>{shown}</Badge>
                    </td>
                    <td className="cell-muted">
                      {r.reason ? (RECIPIENT_REASONS[r.reason as keyof typeof RECIPIENT_REASONS] ?? r.reason) : ''}
                      {r.errorCode !== null && ` (${r.errorCode})`}
                    </td>
                    <td className="cell-muted">{r.sentAt ? formatTimestamp(r.sentAt) : '—'}</td>
                    <td className="cell-muted">{r.repliedAt ? formatTimestamp(r.repliedAt) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={list.loadMore} />
        </div>
      )}
    </Card>
  );
}
