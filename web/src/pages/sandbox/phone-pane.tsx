// One simulated customer's phone: the chat with the workspace's Sandbox number, as WhatsApp shows
// it to them. Whatever the customer does here reaches Parley as a real webhook would.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/api-error.ts';
import {
  sandboxCustomersKey,
  sandboxThreadKey,
  sendAsCustomer,
  useSandboxThread,
  type CustomerMessage,
} from '../../api/sandbox-api.ts';
import type { SandboxCustomer, SandboxMessage } from '#api/sandbox/schemas';
import { Icon } from '../../components/icon.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { ChatThread } from './chat-thread.tsx';
import { Composer } from './composer.tsx';
import { ListSheet } from './list-sheet.tsx';
import { previewOf, type ListMessage } from './message-parts.ts';
import { PhoneHeader, type Business } from './phone-header.tsx';
import { useMarkRead } from './use-mark-read.ts';
import { WhatsAppText } from '../../components/whatsapp/whatsapp-text.tsx';

export function PhonePane({ customer, business }: { customer: SandboxCustomer; business: Business }) {
  const queryClient = useQueryClient();
  const thread = useSandboxThread(customer.waId);
  const [error, setError] = useState<string | null>(null);
  const [replyingTo, setReplyingTo] = useState<SandboxMessage | null>(null);
  const [openList, setOpenList] = useState<{ list: ListMessage; messageId: string } | null>(null);
  useMarkRead(customer.waId, thread.data);

  const deliver = async (message: CustomerMessage) => {
    setError(null);
    await sendAsCustomer(customer.waId, message);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: sandboxThreadKey(customer.waId) }),
      queryClient.invalidateQueries({ queryKey: sandboxCustomersKey }),
    ]);
  };
  const report = (failure: unknown) => setError(sendErrorText(failure));
  const compose = async (message: CustomerMessage) => {
    await deliver(replyingTo ? { ...message, replyTo: replyingTo.id } : message);
    setReplyingTo(null);
  };
  const actions = {
    send: (message: CustomerMessage) => void deliver(message).catch(report),
    openList: (list: ListMessage, messageId: string) => setOpenList({ list, messageId }),
    reply: setReplyingTo,
  };

  return (
    <section className="phone" aria-label={`${customer.name}’s phone`}>
      <PhoneHeader business={business} customer={customer} />
      {thread.isPending ? (
        <div className="chat-thread">
          <LoadingState />
        </div>
      ) : thread.error ? (
        <div className="chat-thread">
          <ErrorState error={thread.error} onRetry={() => void thread.refetch()} />
        </div>
      ) : (
        <ChatThread messages={thread.data} businessName={business.name} actions={actions} />
      )}
      {error && (
        <p className="phone-error" role="alert">
          {error}
        </p>
      )}
      {replyingTo && (
        <div className="composer-reply">
          <div className={`bubble-quote bubble-quote-${replyingTo.from}`}>
            <span className="bubble-quote-author">{replyingTo.from === 'customer' ? 'You' : business.name}</span>
            <span className="bubble-quote-text">
              <WhatsAppText text={previewOf(replyingTo)} />
            </span>
          </div>
          <button type="button" className="icon-button" aria-label="Cancel reply" onClick={() => setReplyingTo(null)}>
            <Icon name="close" size={14} />
          </button>
        </div>
      )}
      <Composer onSend={compose} onError={report} />
      {openList && (
        <ListSheet
          list={openList.list}
          onClose={() => setOpenList(null)}
          onChoose={(rowId) => {
            setOpenList(null);
            actions.send({ type: 'interactive', interactive: { id: rowId }, replyTo: openList.messageId });
          }}
        />
      )}
    </section>
  );
}

/** The API takes 1 MB per request for now, so large files fail there before reaching the phone. */
function sendErrorText(error: unknown): string {
  if (error instanceof ApiError && error.code === 'PAYLOAD_TOO_LARGE') {
    return 'This file is too large for Parley’s API, which takes about 750 KB per upload for now.';
  }
  return errorMessage(error);
}
