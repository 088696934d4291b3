// The inbox's state that belongs in the URL: the list's filters (query string) and the open
// conversation (/inbox/:conversationId). Links can be shared and Back goes to the previous view.
import { useCallback, useMemo } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { filtersFromSearch, searchFromFilters, type FilterParams } from './filter-params.ts';

export type InboxUrl = {
  filters: FilterParams;
  conversationId: string | null;
  setFilters: (filters: FilterParams) => void;
  openConversation: (id: string | null) => void;
};

export function useInboxUrl(): InboxUrl {
  const [search] = useSearchParams();
  const { conversationId = null } = useParams();
  const navigate = useNavigate();
  const searchText = search.toString();
  const filters = useMemo(() => filtersFromSearch(new URLSearchParams(searchText)), [searchText]);

  const setFilters = useCallback(
    (next: FilterParams) => {
      const query = searchFromFilters(next).toString();
      // Typing in the search box must not fill the history: filter changes replace the entry.
      void navigate({ search: query ? `?${query}` : '' }, { replace: true });
    },
    [navigate],
  );
  const openConversation = useCallback(
    (id: string | null) => {
      const query = searchFromFilters(filters).toString();
      void navigate({ pathname: id ? `/inbox/${id}` : '/inbox', search: query ? `?${query}` : '' });
    },
    [navigate, filters],
  );
  return { filters, conversationId, setFilters, openConversation };
}
