// The conversation list's filters as a flat map of strings: the form GET /api/conversations takes,
// a saved view stores and the page's URL carries. Pure, so the URL round trip is unit tested.
import type { ConversationFilterParams } from '#api/inbox/schemas';

export type FilterParams = ConversationFilterParams;
export type FilterKey = keyof FilterParams;

/** Every key of conversationFilterSchema, in the order the URL shows them. */
export const FILTER_KEYS = [
  'status',
  'assignee',
  'teamId',
  'channelId',
  'contactId',
  'tagIds',
  'tagMatch',
  'priority',
  'unread',
  'dateField',
  'from',
  'to',
  'contactTags',
  'fields',
  'search',
  'sla',
  'sort',
] as const satisfies readonly FilterKey[];

/** A fresh visit: the agent's own open conversations, as Chatwoot opens. */
export const DEFAULT_FILTERS: FilterParams = { status: 'open', assignee: 'me' };

/** Filters that tabs and the search box own; the rest count as "advanced" (the badge on the button). */
const PRIMARY_KEYS: readonly FilterKey[] = ['status', 'assignee', 'search', 'sort'];

/** The filters in a query string; unknown keys are ignored and an empty query gives the defaults. */
export function filtersFromSearch(search: URLSearchParams): FilterParams {
  const filters: FilterParams = {};
  for (const key of FILTER_KEYS) {
    const value = search.get(key)?.trim();
    if (value) {
      filters[key] = value;
    }
  }
  return Object.keys(filters).length === 0 ? { ...DEFAULT_FILTERS } : filters;
}

/** The query string for some filters; keys in FILTER_KEYS order so equal filters give equal URLs. */
export function searchFromFilters(filters: FilterParams): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value) {
      search.set(key, value);
    }
  }
  return search;
}

/** A change to some filters: undefined or '' removes a key. */
export function withFilters(
  filters: FilterParams,
  changes: Partial<Record<FilterKey, string | undefined>>,
): FilterParams {
  const next: FilterParams = { ...filters };
  for (const [key, value] of Object.entries(changes) as Array<[FilterKey, string | undefined]>) {
    if (value === undefined || value.trim() === '') {
      delete next[key];
    } else {
      next[key] = value;
    }
  }
  return next;
}

/** Two filter sets select the same conversations (used to highlight the saved view in use). */
export function sameFilters(a: Record<string, string>, b: Record<string, string>): boolean {
  return searchFromFilters(a).toString() === searchFromFilters(b).toString();
}

/** How many advanced filters are set (shown on the "Filters" button). */
export function advancedFilterCount(filters: FilterParams): number {
  return FILTER_KEYS.filter(
    (key) => !PRIMARY_KEYS.includes(key) && filters[key] && !(key === 'tagMatch' || key === 'dateField'),
  ).length;
}

/** `a,b` as a list, and back. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

export function joinList(values: readonly string[]): string | undefined {
  return values.length > 0 ? values.join(',') : undefined;
}

/** Adds or removes one value of a list filter. */
export function toggleInList(value: string | undefined, item: string): string | undefined {
  const items = splitList(value);
  return joinList(items.includes(item) ? items.filter((i) => i !== item) : [...items, item]);
}

/** A `yyyy-mm-dd` date input as the start (or the end) of that day in the browser's time zone. */
export function dayToIso(day: string, edge: 'start' | 'end'): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    return undefined;
  }
  const date = new Date(`${day}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The local day of an ISO timestamp, for a date input. */
export function isoToDay(iso: string | undefined): string {
  const date = iso ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) {
    return '';
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
