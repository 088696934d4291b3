// Search (debounced, so typing does not fire a request per key), sort and the advanced filters.
import { useEffect, useState } from 'react';
import { Icon } from '../../../components/icon.tsx';
import { Popover } from '../../../components/popover.tsx';
import { advancedFilterCount, withFilters, type FilterParams } from '../filter-params.ts';
import { AdvancedFilters } from './advanced-filters.tsx';

const SEARCH_DELAY_MS = 300;

type ToolbarProps = { filters: FilterParams; onChange: (filters: FilterParams) => void };

export function ListToolbar({ filters, onChange }: ToolbarProps) {
  const advanced = advancedFilterCount(filters);
  return (
    <div className="inbox-toolbar">
      <SearchBox filters={filters} onChange={onChange} />
      <label className="visually-hidden" htmlFor="inbox-sort">
        Sort
      </label>
      <select
        id="inbox-sort"
        className="inbox-select"
        value={filters.sort ?? 'last_activity'}
        onChange={(event) =>
          onChange(
            withFilters(filters, { sort: event.target.value === 'last_activity' ? undefined : event.target.value }),
          )
        }
      >
        <option value="last_activity">Latest</option>
        <option value="waiting">Waiting longest</option>
      </select>
      <Popover
        label={advanced > 0 ? `Filters (${advanced} set)` : 'Filters'}
        align="end"
        triggerClassName="icon-button inbox-filter-button"
        trigger={
          <>
            <Icon name="filter" size={16} />
            {advanced > 0 && <span className="inbox-filter-count">{advanced}</span>}
          </>
        }
      >
        {() => <AdvancedFilters filters={filters} onChange={onChange} />}
      </Popover>
    </div>
  );
}

function SearchBox({ filters, onChange }: ToolbarProps) {
  const current = filters.search ?? '';
  const [text, setText] = useState(current);
  const [seen, setSeen] = useState(current);
  // Follows the URL when it changes from elsewhere (a saved view, Back), during render as React
  // recommends for state derived from props.
  if (current !== seen) {
    setSeen(current);
    if (text.trim() !== current) {
      setText(current);
    }
  }
  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === (filters.search ?? '')) {
      return;
    }
    const timer = setTimeout(() => onChange(withFilters(filters, { search: trimmed })), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);
  return (
    <div className="inbox-search">
      <input
        type="search"
        className="input"
        aria-label="Search conversations"
        placeholder="Search"
        title="Messages, contact names and phone numbers; words match by their start"
        value={text}
        maxLength={200}
        onChange={(event) => setText(event.target.value)}
      />
    </div>
  );
}
