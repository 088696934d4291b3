// One message: the customer's on the left, the business's on the right with delivery ticks.
// A failed send says why and offers Retry; a reply shows the message it quotes.
import { memo, useState } from 'react';
import type { MessageView } from '#api/messages/schemas';
import { errorMessage } from '../../../api/api-error.ts';
import { retryMessage } from '../../../api/inbox-actions-api.ts';
import { Button } from '../../../components/button.tsx';
import { cx } from '../../../lib/cx.ts';
import { DeliveryTicks } from '../../sandbox/delivery-ticks.tsx';
import { MessageContent } from './message-content.tsx';
import { messagePreview } from './message-preview.ts';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

type Props = {
  message: MessageView;
  quoted: MessageView | null;
  reactions: string[];
  contactName: string;
  onRetried: () => void;
};

export const MessageBubble = memo(function MessageBubble({
  message,
  quoted,
  reactions,
  contactName,
  onRetried,
}: Props) {
  const side = message.direction === 'inbound' ? 'in' : 'out';
  const isBare = message.type === 'sticker';
  return (
    <div className={cx('bubble-row', `msg-row-${side}`)}>
      <div
        className={cx('bubble', `msg-${side}`, isBare && 'bubble-bare', message.status === 'failed' && 'is-failed')}
        data-testid="message"
        data-direction={message.direction}
        data-type={message.type}
        data-status={message.status}
      >
        {quoted && (
          <div className={cx('bubble-quote', quoted.direction === 'outbound' && 'bubble-quote-business')}>
            <span className="bubble-quote-author">{quoted.direction === 'inbound' ? contactName : 'You'}</span>
            <span className="bubble-quote-text">{messagePreview(quoted)}</span>
          </div>
        )}
        <MessageContent message={message} />
        <span className="bubble-meta">
          <time dateTime={message.createdAt.toISOString()} title={message.createdAt.toLocaleString()}>
            {timeFormat.format(message.createdAt)}
          </time>
          {side === 'out' && <DeliveryTicks status={statusForTicks(message.status)} />}
        </span>
        {reactions.length > 0 && (
          <span className="bubble-reactions" aria-label={`Reactions: ${reactions.join(' ')}`}>
            {reactions.join('')}
          </span>
        )}
      </div>
      {message.status === 'failed' && side === 'out' && <FailedNotice message={message} onRetried={onRetried} />}
    </div>
  );
});

function FailedNotice({ message, onRetried }: { message: MessageView; onRetried: () => void }) {
  const [state, setState] = useState<{ pending: boolean; error: string | null }>({ pending: false, error: null });
  const reason = [message.error?.title, message.error?.details].filter(Boolean).join(': ') || 'WhatsApp refused it';
  return (
    <div className="msg-failed" role="alert">
      <span>
        Not delivered: {reason}
        {message.error?.code ? ` (${message.error.code})` : ''}
      </span>
      <Button
        size="sm"
        isPending={state.pending}
        onClick={() => {
          setState({ pending: true, error: null });
          retryMessage(message.id).then(
            () => {
              setState({ pending: false, error: null });
              onRetried();
            },
            (error: unknown) => setState({ pending: false, error: errorMessage(error) }),
          );
        }}
      >
        Retry
      </Button>
      {state.error && <span className="field-error">{state.error}</span>}
    </div>
  );
}

/** Queued and sending show one clock-like grey tick; played voice notes count as read. */
function statusForTicks(status: MessageView['status']): string {
  return status === 'played' ? 'read' : status === 'queued' || status === 'sending' ? 'accepted' : status;
}
