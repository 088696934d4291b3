// Campaigns: every broadcast with its status, channel, audience and progress, filtered by status
// and name, with the actions each status allows; or the same campaigns on a month calendar.
import { useDeferredValue, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CAMPAIGN_STATUSES, type CampaignStatus, type CampaignView } from '#api/campaigns/schemas';
import { useCan } from '../../auth/use-session.ts';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../components/states.tsx';
import { formatRelative, formatTimestamp } from '../../lib/format-date.ts';
import { CampaignCalendar } from './campaign-calendar.tsx';
import { allowedActions, CampaignStatusBadge, STATUS_LABELS } from './campaign-status.tsx';
import { useCampaignList } from './campaigns-api.ts';
import { useCampaignActions } from './use-campaign-actions.tsx';
import '../../styles/campaigns.css';

export function CampaignsPage() {
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'calendar' ? 'calendar' : 'list';
  const setParam = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) {
          next.set(key, value);
        } else {
          next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  const create = can('campaigns.manage') ? (
    <Button variant="primary" icon="plus" onClick={() => void navigate('/campaigns/new')}>
      New campaign
    </Button>
  ) : undefined;
  return (
    <div className="page">
      <PageHeader
        title="Campaigns"
        description="Broadcasts of an approved template (or a message to contacts inside the 24-hour window) to segments, groups and tags, now, later or on a schedule."
        actions={
          <>
            <div className="campaign-view-toggle" role="group" aria-label="View">
              <Button
                size="sm"
                variant={view === 'list' ? 'primary' : 'secondary'}
                onClick={() => setParam('view', null)}
              >
                List
              </Button>
              <Button
                size="sm"
                variant={view === 'calendar' ? 'primary' : 'secondary'}
                onClick={() => setParam('view', 'calendar')}
              >
                Calendar
              </Button>
            </div>
            {create}
          </>
        }
      />
      {view === 'calendar' ? (
        <CampaignCalendar month={params.get('month')} onMonth={(month) => setParam('month', month)} />
      ) : (
        <CampaignList
          status={parseStatus(params.get('status'))}
          search={params.get('q') ?? ''}
          onStatus={(status) => setParam('status', status)}
          onSearch={(q) => setParam('q', q)}
          create={create}
        />
      )}
    </div>
  );
}

function parseStatus(value: string | null): CampaignStatus | undefined {
  return (CAMPAIGN_STATUSES as readonly string[]).includes(value ?? '') ? (value as CampaignStatus) : undefined;
}

type ListProps = {
  status: CampaignStatus | undefined;
  search: string;
  onStatus: (status: string | null) => void;
  onSearch: (q: string) => void;
  create: ReactNode;
};

function CampaignList({ status, search, onStatus, onSearch, create }: ListProps) {
  const q = useDeferredValue(search.trim());
  const list = useCampaignList({ status, q: q || undefined });
  const filtered = Boolean(status || q);
  const actions = useCampaignActions();
  return (
    <>
      <nav className="campaign-tabs" aria-label="Campaign status">
        {[undefined, ...CAMPAIGN_STATUSES].map((s) => (
          <button
            key={s ?? 'all'}
            type="button"
            className={s === status ? 'campaign-tab is-active' : 'campaign-tab'}
            aria-pressed={s === status}
            onClick={() => onStatus(s ?? null)}
          >
            {s ? STATUS_LABELS[s] : 'All'}
          </button>
        ))}
      </nav>
      <Card flush>
        <div className="card-body campaign-filters">
          <input
            className="input"
            type="search"
            placeholder="Search by name"
            aria-label="Search campaigns"
            value={search}
            onChange={(e) => onSearch(e.target.value)}
          />
        </div>
        {list.isPending ? (
          <LoadingState />
        ) : list.error ? (
          <ErrorState error={list.error} onRetry={list.refetch} />
        ) : list.items.length === 0 ? (
          <EmptyState
            icon="campaigns"
            title={filtered ? 'No campaigns match these filters' : 'No campaigns yet'}
            description={
              filtered
                ? 'Clear a filter to see more.'
                : 'Send an approved template to a segment, a group or tagged contacts, now or on a schedule, and watch it deliver live.'
            }
            action={filtered ? undefined : create}
          />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Status</th>
                  <th scope="col">Channel</th>
                  <th scope="col">Audience / sent</th>
                  <th scope="col">Next or last run</th>
                  <th scope="col">Created</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((campaign) => (
                  <CampaignRow key={campaign.id} campaign={campaign} run={actions.run} busy={actions.isPending} />
                ))}
              </tbody>
            </table>
            <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={list.loadMore} />
          </div>
        )}
      </Card>
      {actions.dialog}
    </>
  );
}

function CampaignRow({
  campaign,
  run,
  busy,
}: {
  campaign: CampaignView;
  run: ReturnType<typeof useCampaignActions>['run'];
  busy: boolean;
}) {
  const can = useCan();
  const allowed = allowedActions(campaign.status);
  const lastRun = campaign.lastRun;
  const when = campaign.nextRunAt ?? lastRun?.startedAt ?? lastRun?.scheduledFor ?? null;
  return (
    <tr data-testid={`campaign-row-${campaign.name}`}>
      <td>
        <Link
          className="cell-strong"
          to={campaign.status === 'draft' ? `/campaigns/${campaign.id}/edit` : `/campaigns/${campaign.id}`}
        >
          {campaign.name}
        </Link>
        {campaign.schedule.kind === 'recurring' && (
          <div className="cell-muted">Repeats {campaign.schedule.frequency}</div>
        )}
      </td>
      <td>
        <CampaignStatusBadge status={campaign.status} />
      </td>
      <td className="cell-muted">{campaign.channel.name}</td>
      <td>
        {lastRun ? (
          <div className="campaign-mini-progress" title={`${lastRun.sentCount} of ${lastRun.audienceSize} sent`}>
            <span>
              {lastRun.sentCount.toLocaleString()} / {lastRun.audienceSize.toLocaleString()}
            </span>
            <progress
              max={Math.max(1, lastRun.audienceSize)}
              value={lastRun.sentCount + lastRun.failedCount + lastRun.skippedCount}
            />
          </div>
        ) : (
          <span className="cell-muted">—</span>
        )}
      </td>
      <td className="cell-muted">
        {when ? (
          <>
            {campaign.nextRunAt ? 'Next ' : ''}
            {formatTimestamp(when)}
          </>
        ) : campaign.schedule.kind === 'now' && campaign.status === 'draft' ? (
          'When launched'
        ) : (
          '—'
        )}
      </td>
      <td className="cell-muted">{formatRelative(campaign.createdAt)}</td>
      <td className="cell-actions">
        {campaign.status !== 'draft' && (
          <Link className="btn btn-ghost btn-sm" to={`/campaigns/${campaign.id}`}>
            Results
          </Link>
        )}
        {can('campaigns.manage') && (
          <>
            {allowed.pause && (
              <Button size="sm" variant="ghost" disabled={busy} onClick={() => run(campaign, 'pause')}>
                Pause
              </Button>
            )}
            {allowed.resume && (
              <Button size="sm" variant="ghost" disabled={busy} onClick={() => run(campaign, 'resume')}>
                Resume
              </Button>
            )}
            {allowed.cancel && (
              <Button size="sm" variant="ghost" onClick={() => run(campaign, 'cancel')}>
                Cancel
              </Button>
            )}
            <Button size="sm" variant="ghost" disabled={busy} onClick={() => run(campaign, 'duplicate')}>
              Duplicate
            </Button>
            {allowed.remove && (
              <Button size="sm" variant="ghost" onClick={() => run(campaign, 'delete')}>
                Delete
              </Button>
            )}
          </>
        )}
      </td>
    </tr>
  );
}
