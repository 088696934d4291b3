// The inbox keeps its filters in the URL in the same flat form a saved view stores: the round
// trip must be lossless, stable (equal filters, equal URLs) and ignore what is not a filter.
import { conversationFilterSchema } from '#api/inbox/schemas';
import {
  advancedFilterCount,
  DEFAULT_FILTERS,
  dayToIso,
  filtersFromSearch,
  isoToDay,
  sameFilters,
  searchFromFilters,
  toggleInList,
  withFilters,
} from '../../../web/src/pages/inbox/filter-params.ts';
import { fieldsFromText, fieldsToText } from '../../../web/src/pages/inbox/list/fields-text.ts';

describe('[inbox] filters in the URL', () => {
  it('a fresh /inbox opens on my open conversations', () => {
    expect(filtersFromSearch(new URLSearchParams(''))).toEqual(DEFAULT_FILTERS);
    expect(filtersFromSearch(new URLSearchParams('utm=x&limit=5'))).toEqual(DEFAULT_FILTERS);
  });

  it('round-trips every filter through the query string, in a stable order', () => {
    const filters = {
      search: 'order 42',
      status: 'open,pending',
      assignee: 'unassigned',
      tagIds: '7d3c5a2e-1b4f-4c8d-9e0a-123456789abc',
      tagMatch: 'all',
      fields: '{"plan":"gold"}',
      sort: 'waiting',
    };
    const search = searchFromFilters(filters);
    expect(search.toString()).toBe(
      'status=open%2Cpending&assignee=unassigned&tagIds=7d3c5a2e-1b4f-4c8d-9e0a-123456789abc&tagMatch=all&fields=%7B%22plan%22%3A%22gold%22%7D&search=order+42&sort=waiting',
    );
    expect(filtersFromSearch(search)).toEqual(filters);
    expect(sameFilters(filters, { ...filters })).toBe(true);
    expect(sameFilters(filters, withFilters(filters, { sort: undefined }))).toBe(false);
  });

  it('what the URL carries is what the API and a saved view accept', () => {
    const filters = filtersFromSearch(new URLSearchParams('status=open,snoozed&assignee=me&unread=true&priority=high'));
    expect(conversationFilterSchema.strict().safeParse(filters).success).toBe(true);
  });

  it('changes remove empty values and toggle list members', () => {
    expect(withFilters({ status: 'open', search: 'x' }, { search: '  ', teamId: 'none' })).toEqual({
      status: 'open',
      teamId: 'none',
    });
    expect(toggleInList('high,low', 'low')).toBe('high');
    expect(toggleInList('high', 'high')).toBeUndefined();
    expect(toggleInList(undefined, 'urgent')).toBe('urgent');
  });

  it('counts only the advanced filters on the Filters button', () => {
    expect(advancedFilterCount({ status: 'open', assignee: 'me', search: 'x', sort: 'waiting' })).toBe(0);
    expect(advancedFilterCount({ status: 'open', teamId: 'none', unread: 'true', tagMatch: 'all' })).toBe(2);
  });

  it('date inputs cover whole local days', () => {
    const from = dayToIso('2026-03-01', 'start')!;
    const to = dayToIso('2026-03-01', 'end')!;
    expect(new Date(to).getTime() - new Date(from).getTime()).toBe(86_400_000 - 1);
    expect(isoToDay(from)).toBe('2026-03-01');
    expect(dayToIso('03/01/2026', 'start')).toBeUndefined();
    expect(isoToDay('nonsense')).toBe('');
  });

  it('custom fields typed as key=value become the JSON filter, typed', () => {
    expect(fieldsFromText('plan=gold, vip=true, visits=3')).toEqual({
      ok: true,
      value: '{"plan":"gold","vip":true,"visits":3}',
    });
    expect(fieldsFromText('')).toEqual({ ok: true, value: undefined });
    expect(fieldsFromText('plan')).toEqual({ ok: false, error: '"plan" needs the form key=value' });
    expect(fieldsToText('{"plan":"gold","vip":true}')).toBe('plan=gold, vip=true');
  });
});
