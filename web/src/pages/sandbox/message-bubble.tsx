// One chat message: the customer's own on the right with delivery ticks, the business's on the
// left (received, so no ticks), with the quoted message, reactions and tappable buttons.
import type { SandboxMessage } from '#api/sandbox/schemas';
import { cx } from '../../lib/cx.ts';
import { DeliveryTicks } from './delivery-ticks.tsx';
import { InteractiveActions, TemplateActions, type ReplyActions } from './interactive-content.tsx';
import { MessageContent } from './message-content.tsx';
import { previewOf } from './message-parts.ts';
import { MessageTools } from './message-tools.tsx';
import { WhatsAppText } from '../../components/whatsapp/whatsapp-text.tsx';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

type MessageBubbleProps = {
  message: SandboxMessage;
  quoted: SandboxMessage | null;
  reactions: string[];
  businessName: string;
  actions: ReplyActions & { reply: (message: SandboxMessage) => void };
};

export function MessageBubble({ message, quoted, reactions, businessName, actions }: MessageBubbleProps) {
  const from = message.from;
  const isSticker = message.type === 'sticker';
  return (
    <div className={cx('bubble-row', `bubble-row-${from}`)}>
      <div
        className={cx(
          'bubble',
          `bubble-${from}`,
          isSticker && 'bubble-bare',
          message.status === 'failed' && 'is-failed',
        )}
        data-testid="bubble"
        data-from={from}
        data-type={message.type}
        data-status={message.status}
      >
        {quoted && (
          <div className={cx('bubble-quote', `bubble-quote-${quoted.from}`)}>
            <span className="bubble-quote-author">{quoted.from === 'customer' ? 'You' : businessName}</span>
            <span className="bubble-quote-text">
              <WhatsAppText text={previewOf(quoted)} />
            </span>
          </div>
        )}
        <MessageContent message={message} />
        {message.error && from === 'business' && (
          <p className="bubble-error">
            Not delivered: {message.error.title} ({message.error.code})
          </p>
        )}
        <span className="bubble-meta">
          <time dateTime={message.timestamp.toISOString()}>{timeFormat.format(message.timestamp)}</time>
          {from === 'customer' && <DeliveryTicks status={message.status} />}
        </span>
        {reactions.length > 0 && (
          <span className="bubble-reactions" aria-label={`Reactions: ${reactions.join(' ')}`}>
            {reactions.join('')}
          </span>
        )}
      </div>
      {message.type !== 'reaction' && <MessageTools message={message} actions={actions} />}
      {message.type === 'interactive' && <InteractiveActions message={message} actions={actions} />}
      {message.type === 'template' && <TemplateActions message={message} actions={actions} />}
    </div>
  );
}
