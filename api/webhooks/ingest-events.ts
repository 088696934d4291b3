// The platform events of one stored webhook (api/events): contact.created, conversation.created and
// message.received for new messages, message.status for statuses that changed a message. Built
// from what ingestion already returned: no query per message or status. emitEvent checks the
// tenant's interest in memory, so a campaign's thousands of statuses cost little when nobody listens.
import { contactRefOf } from '../events/contact-events.ts';
import { emitEvent, type EventDeps } from '../events/emit-event.ts';
import type { IngestResult } from './after-ingest.ts';

const STATUS_EVENTS = new Set(['sent', 'delivered', 'read', 'failed']);

export function emitIngestEvents(deps: EventDeps, result: IngestResult): void {
  const { tenantId, channelId } = result;
  for (const message of result.inbound) {
    const contact = contactRefOf({ id: message.contactId, ...message.contact });
    if (message.contact.isNew) {
      void emitEvent(deps, tenantId, 'contact.created', { contact });
    }
    if (message.startsConversation) {
      void emitEvent(deps, tenantId, 'conversation.created', {
        conversationId: message.conversationId,
        channelId,
        contact,
      });
    }
    void emitEvent(deps, tenantId, 'message.received', {
      messageId: message.messageId,
      conversationId: message.conversationId,
      channelId,
      contact,
      type: message.row.type,
      text: message.row.text,
      conversationIsNew: message.conversation.isNew,
    });
  }
  for (const status of result.statuses) {
    if (status.status === status.priorStatus || !STATUS_EVENTS.has(status.status)) {
      continue; // a late or repeated status changed nothing
    }
    void emitEvent(deps, tenantId, 'message.status', {
      messageId: status.messageId,
      conversationId: status.conversationId,
      channelId,
      contactId: status.contactId,
      status: status.status as 'sent' | 'delivered' | 'read' | 'failed',
      errorCode: status.status === 'failed' ? status.errorCode : null,
    });
  }
}
