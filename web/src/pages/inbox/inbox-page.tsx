// /inbox[/:conversationId]: the agent's workspace. Three panes: the conversation list (filters,
// views, bulk actions), the open thread with its composer, and the contact side panel.
import { useState } from 'react';
import { EmptyState } from '../../components/states.tsx';
import '../../styles/inbox.css';
import { ConversationListPane } from './list/conversation-list-pane.tsx';
import { ContactPanel } from './side/contact-panel.tsx';
import { ThreadPane } from './thread/thread-pane.tsx';
import { useInboxUrl } from './use-inbox-url.ts';

export function InboxPage() {
  const url = useInboxUrl();
  // Wide screens show the contact panel beside the thread; narrower ones open it over the thread.
  const [isSideOpen, setSideOpen] = useState(() => window.matchMedia('(min-width: 1440px)').matches);
  return (
    <div
      className="inbox"
      data-open={url.conversationId ? 'true' : 'false'}
      data-side={url.conversationId && isSideOpen ? 'open' : 'closed'}
    >
      <h1 className="visually-hidden">Inbox</h1>
      <ConversationListPane url={url} />
      {url.conversationId ? (
        <>
          <ThreadPane
            key={url.conversationId}
            conversationId={url.conversationId}
            onClose={() => url.openConversation(null)}
            isSideOpen={isSideOpen}
            onToggleSide={() => setSideOpen((open) => !open)}
          />
          {isSideOpen && <ContactPanel key={`panel-${url.conversationId}`} conversationId={url.conversationId} />}
        </>
      ) : (
        <section className="inbox-thread inbox-thread-empty" aria-label="Conversation">
          <EmptyState
            icon="inbox"
            title="Pick a conversation"
            description="Choose one on the left to read it and reply. New messages appear live."
          />
        </section>
      )}
    </div>
  );
}
