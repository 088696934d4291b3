// The right pane: who the customer is, and everything an agent changes about the conversation
// besides replying. Sections are collapsible <details> so a long panel stays scannable.
import type { ReactNode } from 'react';
import { useConversation } from '../../../api/inbox-api.ts';
import { AssignSection } from './assign-section.tsx';
import { BotSection } from './bot-section.tsx';
import { ContactSection } from './contact-section.tsx';
import { AssignmentHistory, PreviousConversations } from './history-section.tsx';
import { StatusSection } from './status-section.tsx';
import { TagsSection } from './tags-section.tsx';

export function ContactPanel({ conversationId }: { conversationId: string }) {
  const detail = useConversation(conversationId);
  if (!detail.data) {
    return <aside className="inbox-side" aria-label="Contact and conversation details" />;
  }
  const conversation = detail.data;
  return (
    <aside className="inbox-side" aria-label="Contact and conversation details">
      <ContactSection conversation={conversation} />
      <Section title="Conversation">
        <StatusSection conversation={conversation} />
        <AssignSection conversation={conversation} />
        <TagsSection conversation={conversation} />
      </Section>
      <Section title="Chatbot">
        <BotSection conversation={conversation} />
      </Section>
      <Section title="Previous conversations" isOpen={false}>
        <PreviousConversations conversationId={conversationId} />
      </Section>
      <Section title="Assignment history" isOpen={false}>
        <AssignmentHistory conversationId={conversationId} />
      </Section>
    </aside>
  );
}

export function Section({ title, isOpen = true, children }: { title: string; isOpen?: boolean; children: ReactNode }) {
  return (
    <details className="side-section" open={isOpen}>
      <summary className="side-section-title">{title}</summary>
      <div className="side-section-body">{children}</div>
    </details>
  );
}
