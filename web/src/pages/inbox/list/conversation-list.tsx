// The list itself: loading, error and empty states, rows, and the next page loaded when the end
// scrolls into view (a button too, for keyboards). ArrowUp/ArrowDown move between rows.
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { ConversationListItem, ConversationPage } from '#api/inbox/schemas';
import { Button } from '../../../components/button.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states.tsx';
import { useNow } from '../use-now.ts';
import { DEFAULT_FILTERS, sameFilters, type FilterParams } from '../filter-params.ts';
import { ConversationItem } from './conversation-item.tsx';

type Props = {
  list: UseInfiniteQueryResult<InfiniteData<ConversationPage>>;
  items: ConversationListItem[];
  openId: string | null;
  selected: ReadonlySet<string>;
  onOpen: (id: string) => void;
  onToggle: (id: string, range: boolean) => void;
  filters: FilterParams;
};

export function ConversationList({ list, items, openId, selected, onOpen, onToggle, filters }: Props) {
  const now = useNow(30_000);
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasNextPage) {
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) {
        void fetchNextPage();
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (list.isPending) {
    return <LoadingState label="Loading conversations…" />;
  }
  if (list.error && items.length === 0) {
    return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  }
  if (items.length === 0) {
    const isDefault = sameFilters(filters, DEFAULT_FILTERS);
    return (
      <EmptyState
        icon="inbox"
        title={filters.search ? 'No conversation matches' : 'No conversations here'}
        description={
          isDefault
            ? 'Nothing open is assigned to you. New conversations show up live.'
            : 'Try another tab or clear some filters.'
        }
      />
    );
  }
  return (
    <div className="conv-scroll" aria-busy={list.isPlaceholderData || undefined}>
      <ul className="conv-list" aria-label="Conversation list" onKeyDown={moveFocus}>
        {items.map((item) => (
          <ConversationItem
            key={item.id}
            item={item}
            now={now}
            isOpen={item.id === openId}
            isSelected={selected.has(item.id)}
            onOpen={onOpen}
            onToggle={onToggle}
          />
        ))}
      </ul>
      <div ref={sentinel} className="conv-sentinel">
        {hasNextPage && (
          <Button size="sm" variant="ghost" isPending={isFetchingNextPage} onClick={() => void fetchNextPage()}>
            Load more
          </Button>
        )}
      </div>
    </div>
  );
}

function moveFocus(event: KeyboardEvent<HTMLUListElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') {
    return;
  }
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('.conv-open')];
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = buttons[index + (event.key === 'ArrowDown' ? 1 : -1)];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}
