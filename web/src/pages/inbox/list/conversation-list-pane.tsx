// The left pane: saved views, search, status and assignee tabs with counts, advanced filters,
// the conversation list with multi-select, and the bulk action bar while something is selected.
import { useCallback, useMemo, useState } from 'react';
import { useConversationList } from '../../../api/inbox-api.ts';
import type { InboxUrl } from '../use-inbox-url.ts';
import { BulkBar } from './bulk-bar.tsx';
import { ConversationList } from './conversation-list.tsx';
import { ListToolbar } from './list-toolbar.tsx';
import { AssigneeTabs, StatusTabs } from './list-tabs.tsx';
import { SavedViews } from './saved-views.tsx';
import { useListShortcuts } from './use-list-shortcuts.ts';

export function ConversationListPane({ url }: { url: InboxUrl }) {
  const { filters, setFilters } = url;
  const list = useConversationList(filters);
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [anchor, setAnchor] = useState<string | null>(null);
  const ids = useMemo(() => items.map((item) => item.id), [items]);
  useListShortcuts(ids, url.conversationId, url.openConversation);

  const toggle = useCallback(
    (id: string, range: boolean) => {
      setSelected((current) => {
        const next = new Set(current);
        const ids = range && anchor ? idsBetween(items, anchor, id) : [id];
        const select = !current.has(id);
        for (const each of ids) {
          if (select) {
            next.add(each);
          } else {
            next.delete(each);
          }
        }
        return next;
      });
      setAnchor(id);
    },
    [anchor, items],
  );

  return (
    <section className="inbox-list" aria-label="Conversations">
      <SavedViews filters={filters} onPick={setFilters} />
      <ListToolbar filters={filters} onChange={setFilters} />
      <StatusTabs filters={filters} onChange={setFilters} />
      <AssigneeTabs filters={filters} onChange={setFilters} />
      {selected.size > 0 && (
        <BulkBar
          ids={[...selected]}
          allIds={ids}
          onSelect={(ids) => setSelected(new Set(ids))}
          onDone={() => setSelected(new Set())}
        />
      )}
      <ConversationList
        list={list}
        items={items}
        openId={url.conversationId}
        selected={selected}
        onOpen={url.openConversation}
        onToggle={toggle}
        filters={filters}
      />
    </section>
  );
}

function idsBetween(items: Array<{ id: string }>, from: string, to: string): string[] {
  const a = items.findIndex((i) => i.id === from);
  const b = items.findIndex((i) => i.id === to);
  if (a < 0 || b < 0) {
    return [to];
  }
  return items.slice(Math.min(a, b), Math.max(a, b) + 1).map((i) => i.id);
}
