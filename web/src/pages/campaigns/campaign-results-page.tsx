// Campaigns → a campaign's results: status and actions, a live progress bar and counters (queued,
// sent, delivered, read, replied, failed and skipped by reason, opted out), send rate, estimated
// and actual cost, the variants with the test's winner, and every recipient with filters and a
// CSV export. Live `campaign.progress` events refresh it; while it sends it also polls.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { RECIPIENT_REASONS, type CampaignCounts, type CampaignStats, type CampaignView } from '#api/campaigns/schemas';
import { useCan } from '../../auth/use-session.ts';
import { Alert } from '../../components/alert.tsx';
import { Badge } from '../../components/badge.tsx';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { formatTimestamp } from '../../lib/format-date.ts';
import { formatCost } from './audience-section.tsx';
import { allowedActions, CampaignStatusBadge } from './campaign-status.tsx';
import { campaignsKey, useCampaign, useCampaignRuns, useCampaignStats } from './campaigns-api.ts';
import { RecipientsCard } from './recipients-card.tsx';
import { useCampaignActions } from './use-campaign-actions.tsx';
import '../../styles/campaigns.css';

export function CampaignResultsPage() {
  const { campaignId } = useParams();
  const campaign = useCampaign(campaignId);
  if (campaign.isPending) {
    return (
      <div className="page">
        <LoadingState />
      </div>
    );
  }
  if (campaign.error) {
    return (
      <div className="page">
        <ErrorState error={campaign.error} onRetry={() => void campaign.refetch()} />
      </div>
    );
  }
  return <Results campaign={campaign.data} />;
}

function Results({ campaign }: { campaign: CampaignView }) {
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const runId = params.get('runId');
  const recurring = campaign.schedule.kind === 'recurring';
  const runs = useCampaignRuns(campaign.id, recurring);
  const live = campaign.status === 'running' || campaign.status === 'scheduled';
  const stats = useCampaignStats(campaign.id, runId, live, campaign.completedAt);
  const actions = useCampaignActions();
  const allowed = allowedActions(campaign.status);
  // Status webhooks (delivered, read) and replies change the recipients without a progress event:
  // when the counters move, the recipient list is refetched too.
  const queryClient = useQueryClient();
  const total = stats.data?.total;
  const signature = total ? [total.delivered, total.read, total.replied, total.failed, total.optedOut].join() : '';
  useEffect(() => {
    if (signature) {
      void queryClient.invalidateQueries({ queryKey: [...campaignsKey, 'recipients', campaign.id] });
    }
  }, [signature, queryClient, campaign.id]);
  return (
    <div className="page">
      <div className="campaign-breadcrumb">
        <Link to="/campaigns">← Campaigns</Link>
      </div>
      <PageHeader
        title={campaign.name}
        description={
          <span className="campaign-subtitle">
            <CampaignStatusBadge status={campaign.status} /> from {campaign.channel.name}
            {campaign.nextRunAt && <> · next run {formatTimestamp(campaign.nextRunAt)}</>}
            {campaign.startedAt && <> · started {formatTimestamp(campaign.startedAt)}</>}
            {campaign.completedAt && <> · finished {formatTimestamp(campaign.completedAt)}</>}
          </span>
        }
        actions={
          can('campaigns.manage') && (
            <>
              {allowed.edit && <Button onClick={() => void navigate(`/campaigns/${campaign.id}/edit`)}>Edit</Button>}
              {allowed.pause && (
                <Button disabled={actions.isPending} onClick={() => actions.run(campaign, 'pause')}>
                  Pause
                </Button>
              )}
              {allowed.resume && (
                <Button disabled={actions.isPending} onClick={() => actions.run(campaign, 'resume')}>
                  Resume
                </Button>
              )}
              {allowed.cancel && (
                <Button variant="danger" onClick={() => actions.run(campaign, 'cancel')}>
                  Cancel
                </Button>
              )}
              <Button disabled={actions.isPending} onClick={() => actions.run(campaign, 'duplicate')}>
                Duplicate
              </Button>
            </>
          )
        }
      />
      {campaign.failureReason && (
        <Alert tone="danger" title="The campaign could not send">
          {campaign.failureReason}
        </Alert>
      )}
      {campaign.status === 'running' && campaign.lastRun?.limitHeldUntil && (
        <Alert title="Waiting for WhatsApp’s messaging limit">
          This number may start conversations with only so many customers in any 24 hours, and that many were reached.
          The other recipients get the campaign as the limit frees up, from{' '}
          {formatTimestamp(campaign.lastRun.limitHeldUntil)}.
        </Alert>
      )}
      {recurring && (
        <div className="campaign-run-picker">
          <label className="field-label" htmlFor="campaign-run">
            Run
          </label>
          <select
            id="campaign-run"
            className="input select"
            value={runId ?? ''}
            onChange={(e) => setParams(e.target.value ? { runId: e.target.value } : {}, { replace: true })}
          >
            <option value="">Latest run</option>
            {(runs.data ?? []).map((run) => (
              <option key={run.id} value={run.id}>
                {formatTimestamp(run.startedAt ?? run.scheduledFor ?? new Date(0))} · {run.sentCount}/{run.audienceSize}{' '}
                sent
              </option>
            ))}
          </select>
        </div>
      )}
      {stats.isPending ? (
        <Card>
          <LoadingState />
        </Card>
      ) : stats.error ? (
        <Card>
          <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
        </Card>
      ) : stats.data.runId === null ? (
        <Card>
          <p className="cell-muted">
            {campaign.status === 'scheduled' && campaign.nextRunAt
              ? `Nothing sent yet: it starts ${formatTimestamp(campaign.nextRunAt)}.`
              : 'Nothing sent yet.'}
          </p>
        </Card>
      ) : (
        <>
          <ProgressCard stats={stats.data} />
          {stats.data.variants.length > 1 && <VariantsCard stats={stats.data} />}
        </>
      )}
      <RecipientsCard campaign={campaign} runId={runId ?? stats.data?.runId ?? null} />
      {actions.dialog}
    </div>
  );
}

const COUNTERS: Array<[keyof CampaignCounts, string]> = [
  ['queued', 'Queued'],
  ['sent', 'Sent'],
  ['delivered', 'Delivered'],
  ['read', 'Read'],
  ['replied', 'Replied'],
  ['failed', 'Failed'],
  ['skipped', 'Skipped'],
  ['optedOut', 'Opted out'],
];

function ProgressCard({ stats }: { stats: CampaignStats }) {
  const total = stats.total;
  const done = total.sent + total.failed + total.skipped;
  const percent = total.audience === 0 ? 0 : Math.round((done / total.audience) * 100);
  const reasons = Object.entries(total.reasons).filter(([, n]) => n > 0);
  return (
    <Card
      title={
        <span className="campaign-subtitle">
          Progress {stats.status && <CampaignStatusBadge status={stats.status} />}
        </span>
      }
      description={`Updated ${formatTimestamp(stats.updatedAt)}`}
    >
      <div className="campaign-progress" aria-label="Progress">
        <progress max={Math.max(1, total.audience)} value={done} />
        <span data-testid="campaign-progress-text">
          {done.toLocaleString()} of {total.audience.toLocaleString()} processed ({percent}%)
        </span>
      </div>
      <dl className="campaign-counters">
        {COUNTERS.map(([key, label]) => (
          <div key={key} className="campaign-counter">
            <dt>{label}</dt>
            <dd data-testid={`counter-${key}`}>{(total[key] as number).toLocaleString()}</dd>
          </div>
        ))}
        <div className="campaign-counter">
          <dt>Send rate</dt>
          <dd>{stats.sendRate === null ? '—' : `${stats.sendRate.toFixed(1)}/s`}</dd>
        </div>
        <div className="campaign-counter">
          <dt>Estimated cost</dt>
          <dd>{formatCost(stats.estimatedCost)}</dd>
        </div>
        <div className="campaign-counter">
          <dt>Actual cost</dt>
          <dd>{formatCost(stats.actualCost)}</dd>
        </div>
      </dl>
      {reasons.length > 0 && (
        <div className="campaign-reasons">
          <h3 className="field-label">Failed and skipped, by reason</h3>
          <ul>
            {reasons.map(([reason, n]) => (
              <li key={reason}>
                <span>{RECIPIENT_REASONS[reason as keyof typeof RECIPIENT_REASONS] ?? reason}</span>
                <strong>{n.toLocaleString()}</strong>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}

const rate = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`);

function VariantsCard({ stats }: { stats: CampaignStats }) {
  return (
    <Card title="Variants" flush>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Variant</th>
              <th scope="col">Audience</th>
              <th scope="col">Sent</th>
              <th scope="col">Delivered</th>
              <th scope="col">Read</th>
              <th scope="col">Replied</th>
              <th scope="col">Failed</th>
              <th scope="col">Read rate</th>
              <th scope="col">Reply rate</th>
            </tr>
          </thead>
          <tbody>
            {stats.variants.map((v) => (
              <tr key={v.variantId}>
                <td className="cell-strong">
                  {v.label} {v.isWinner && <Badge tone="green">Winner</Badge>}
                </td>
                <td>{v.audience.toLocaleString()}</td>
                <td>{v.sent.toLocaleString()}</td>
                <td>{v.delivered.toLocaleString()}</td>
                <td>{v.read.toLocaleString()}</td>
                <td>{v.replied.toLocaleString()}</td>
                <td>{v.failed.toLocaleString()}</td>
                <td>{rate(v.read, v.sent)}</td>
                <td>{rate(v.replied, v.sent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
