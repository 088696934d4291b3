// The filters beyond the tabs: team, channel, conversation tags, priority, unread, a date range,
// the contact's tags and custom fields. Each change applies at once (and lands in the URL).
import { PRIORITIES } from '#api/inbox/schemas';
import { useChannels } from '../../../api/channels-api.ts';
import { useInboxMembers, useInboxTags, useInboxTeams } from '../../../api/inbox-meta-api.ts';
import { Button } from '../../../components/button.tsx';
import { dayToIso, isoToDay, splitList, toggleInList, withFilters, type FilterParams } from '../filter-params.ts';
import { FieldsFilter } from './fields-filter.tsx';

type Props = { filters: FilterParams; onChange: (filters: FilterParams) => void };

export function AdvancedFilters({ filters, onChange }: Props) {
  const teams = useInboxTeams().data ?? [];
  const members = useInboxMembers().data ?? [];
  const tags = useInboxTags().data ?? [];
  const channels = useChannels().items;
  const set = (changes: Partial<Record<keyof FilterParams, string | undefined>>) =>
    onChange(withFilters(filters, changes));
  const tagIds = splitList(filters.tagIds);
  const priorities = splitList(filters.priority);
  return (
    <div className="inbox-filters" role="group" aria-label="Advanced filters">
      <label className="inbox-filter">
        <span>Assigned to</span>
        <select value={filters.assignee ?? ''} onChange={(e) => set({ assignee: e.target.value })}>
          <option value="">Anyone or no one</option>
          <option value="me">Me</option>
          <option value="unassigned">No one</option>
          <option value="assigned">Any agent</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <label className="inbox-filter">
        <span>Team</span>
        <select value={filters.teamId ?? ''} onChange={(e) => set({ teamId: e.target.value })}>
          <option value="">Any team</option>
          <option value="none">No team</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label className="inbox-filter">
        <span>Channel</span>
        <select value={filters.channelId ?? ''} onChange={(e) => set({ channelId: e.target.value })}>
          <option value="">Every number</option>
          {channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="inbox-filter">
        <legend>Tags</legend>
        <div className="inbox-filter-chips">
          {tags.length === 0 && <span className="muted">No tags yet</span>}
          {tags.map((tag) => (
            <label key={tag.id} className="inbox-check">
              <input
                type="checkbox"
                checked={tagIds.includes(tag.id)}
                onChange={() => set({ tagIds: toggleInList(filters.tagIds, tag.id) })}
              />
              <span className="tag-dot" style={{ background: tag.color }} aria-hidden="true" />
              {tag.name}
            </label>
          ))}
        </div>
        {tagIds.length > 1 && (
          <label className="inbox-check">
            <input
              type="checkbox"
              checked={filters.tagMatch === 'all'}
              onChange={(e) => set({ tagMatch: e.target.checked ? 'all' : undefined })}
            />
            Must have all of them
          </label>
        )}
      </fieldset>
      <fieldset className="inbox-filter">
        <legend>Priority</legend>
        <div className="inbox-filter-chips">
          {PRIORITIES.map((p) => (
            <label key={p} className="inbox-check">
              <input
                type="checkbox"
                checked={priorities.includes(p)}
                onChange={() => set({ priority: toggleInList(filters.priority, p) })}
              />
              {p}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="inbox-filter">
        <span>SLA</span>
        <select value={filters.sla ?? ''} onChange={(e) => set({ sla: e.target.value })}>
          <option value="">Any</option>
          <option value="warning">Due soon (warning)</option>
          <option value="breached">Breached</option>
        </select>
      </label>
      <label className="inbox-check">
        <input
          type="checkbox"
          checked={filters.unread === 'true'}
          onChange={(e) => set({ unread: e.target.checked ? 'true' : undefined })}
        />
        Only with unread messages
      </label>
      <fieldset className="inbox-filter">
        <legend>Date</legend>
        <select
          aria-label="Date of"
          value={filters.dateField ?? 'last_activity'}
          onChange={(e) => set({ dateField: e.target.value === 'created' ? 'created' : undefined })}
        >
          <option value="last_activity">Last activity</option>
          <option value="created">Started</option>
        </select>
        <div className="inbox-filter-row">
          <input
            type="date"
            aria-label="From"
            value={isoToDay(filters.from)}
            onChange={(e) => set({ from: dayToIso(e.target.value, 'start') })}
          />
          <input
            type="date"
            aria-label="To"
            value={isoToDay(filters.to)}
            onChange={(e) => set({ to: dayToIso(e.target.value, 'end') })}
          />
        </div>
      </fieldset>
      <FieldsFilter filters={filters} onChange={onChange} />
      <Button
        size="sm"
        variant="ghost"
        onClick={() => onChange({ status: filters.status, assignee: filters.assignee })}
      >
        Clear filters
      </Button>
    </div>
  );
}
