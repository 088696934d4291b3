// Status tabs (open, pending, snoozed, resolved, all) and assignee tabs (mine, unassigned, all)
// with their counts from GET /api/conversations/counts.
import { CONVERSATION_STATUSES } from '#api/inbox/schemas';
import { useInboxCounts } from '../../../api/inbox-api.ts';
import { cx } from '../../../lib/cx.ts';
import { withFilters, type FilterParams } from '../filter-params.ts';

type TabsProps = { filters: FilterParams; onChange: (filters: FilterParams) => void };

const ALL_STATUSES = CONVERSATION_STATUSES.join(',');
const STATUS_TABS = [
  ...CONVERSATION_STATUSES.map((s) => [s, s.charAt(0).toUpperCase() + s.slice(1)]),
  [ALL_STATUSES, 'All'],
];

export function StatusTabs({ filters, onChange }: TabsProps) {
  const counts = useInboxCounts().data;
  const current = filters.status ?? ALL_STATUSES;
  return (
    <div className="inbox-tabs" role="group" aria-label="Status">
      {STATUS_TABS.map(([value, label]) => {
        // Resolved grows forever and asks nothing of the agent: no count, like the "All" tab.
        const count =
          value === ALL_STATUSES || value === 'resolved'
            ? null
            : counts?.byStatus[value as keyof typeof counts.byStatus];
        return (
          <button
            key={value}
            type="button"
            className={cx('inbox-tab', current === value && 'is-active')}
            aria-pressed={current === value}
            onClick={() => onChange(withFilters(filters, { status: value }))}
          >
            {label}
            {count !== undefined && count !== null && <span className="inbox-tab-count">{count}</span>}
          </button>
        );
      })}
    </div>
  );
}

const ASSIGNEE_TABS = [
  ['me', 'Mine', 'mine'],
  ['unassigned', 'Unassigned', 'unassigned'],
  ['', 'All', 'all'],
] as const;

export function AssigneeTabs({ filters, onChange }: TabsProps) {
  const counts = useInboxCounts().data;
  const current = filters.assignee ?? '';
  const isMember = !ASSIGNEE_TABS.some(([value]) => value === current) && current !== 'assigned';
  return (
    <div className="inbox-tabs inbox-tabs-sub" role="group" aria-label="Assignee">
      {ASSIGNEE_TABS.map(([value, label, bucket]) => (
        <button
          key={label}
          type="button"
          className={cx('inbox-tab', current === value && 'is-active')}
          aria-pressed={current === value}
          onClick={() => onChange(withFilters(filters, { assignee: value }))}
        >
          {label}
          {counts && (
            <span className="inbox-tab-count" title={`${counts.unread[bucket]} with unread messages`}>
              {counts.open[bucket]}
            </span>
          )}
          {counts && counts.unread[bucket] > 0 && (
            <span className="inbox-tab-dot" aria-label={`${counts.unread[bucket]} unread`} />
          )}
        </button>
      ))}
      {isMember && <span className="inbox-tab is-active">One member</span>}
    </div>
  );
}
