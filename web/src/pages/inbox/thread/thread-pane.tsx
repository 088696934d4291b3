// The open conversation: its header (who, the 24-hour window, quick status and assignment), the
// thread with notes interleaved and pinned notes on top, and the composer. Opening it marks the
// customer's messages read.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { errorMessage } from '../../../api/api-error.ts';
import { markRead, pinNote } from '../../../api/inbox-actions-api.ts';
import {
  conversationKey,
  inboxKey,
  useConversation,
  useConversationMessages,
  useConversationNotes,
} from '../../../api/inbox-api.ts';
import { useScheduledMessages } from '../../../api/inbox-extras-api.ts';
import { ErrorState, LoadingState } from '../../../components/states.tsx';
import { useToast } from '../../../components/toast-context.ts';
import { Composer } from '../composer/composer.tsx';
import { MessageList } from './message-list.tsx';
import { PinnedNotes } from './pinned-notes.tsx';
import { ThreadHeader } from './thread-header.tsx';
import { buildTimeline } from './timeline.ts';

type Props = { conversationId: string; onClose: () => void; isSideOpen: boolean; onToggleSide: () => void };

export function ThreadPane({ conversationId, onClose, isSideOpen, onToggleSide }: Props) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const detail = useConversation(conversationId);
  const messages = useConversationMessages(conversationId);
  const notes = useConversationNotes(conversationId);
  const scheduled = useScheduledMessages(conversationId);

  const unread = detail.data?.unreadCount ?? 0;
  useEffect(() => {
    if (unread > 0) {
      // Not worth an error on screen: the next open or new message tries again.
      markRead(conversationId)
        .then(() => queryClient.invalidateQueries({ queryKey: inboxKey }))
        .catch(() => undefined);
    }
  }, [conversationId, unread, queryClient]);

  const timeline = useMemo(
    () =>
      buildTimeline(
        messages.data?.pages.flatMap((page) => page.items) ?? [],
        notes.data?.items ?? [],
        scheduled.data ?? [],
      ),
    [messages.data, notes.data, scheduled.data],
  );
  const refresh = () => void queryClient.invalidateQueries({ queryKey: conversationKey(conversationId) });

  if (detail.isPending) {
    return (
      <section className="inbox-thread" aria-label="Conversation">
        <LoadingState label="Opening the conversation…" />
      </section>
    );
  }
  if (detail.error) {
    return (
      <section className="inbox-thread" aria-label="Conversation">
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      </section>
    );
  }
  const conversation = detail.data;
  const onPin = (note: { id: string; pinnedAt: Date | null }) => {
    pinNote(conversationId, note.id, !note.pinnedAt)
      .then(refresh)
      .catch((error: unknown) => toast.show(errorMessage(error), 'error'));
  };
  return (
    <section className="inbox-thread" aria-label={`Conversation with ${conversation.contact.displayName}`}>
      <ThreadHeader conversation={conversation} onClose={onClose} isSideOpen={isSideOpen} onToggleSide={onToggleSide} />
      <PinnedNotes notes={conversation.pinnedNotes} onPin={onPin} />
      {messages.error ? (
        <ErrorState error={messages.error} onRetry={() => void messages.refetch()} />
      ) : messages.isPending ? (
        <LoadingState label="Loading messages…" />
      ) : (
        <MessageList
          timeline={timeline}
          contactName={conversation.contact.displayName}
          hasOlder={messages.hasNextPage}
          isLoadingOlder={messages.isFetchingNextPage}
          onLoadOlder={() => void messages.fetchNextPage()}
          onChanged={refresh}
          onPin={onPin}
        />
      )}
      <Composer conversation={conversation} onSent={refresh} />
    </section>
  );
}
