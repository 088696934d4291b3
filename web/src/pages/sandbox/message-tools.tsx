// What the customer can do with a message besides reading it: quote it in a reply, or react.
import type { SandboxMessage } from '#api/sandbox/schemas';
import { Icon } from '../../components/icon.tsx';
import { Popover } from '../../components/popover.tsx';
import type { ReplyActions } from './interactive-content.tsx';

const EMOJIS = ['👍', '❤️', '😂', '😮', '😢', '🙏'];

type MessageToolsProps = {
  message: SandboxMessage;
  actions: ReplyActions & { reply: (message: SandboxMessage) => void };
};

export function MessageTools({ message, actions }: MessageToolsProps) {
  const react = (emoji?: string) =>
    actions.send({ type: 'reaction', reaction: { message_id: message.id, ...(emoji ? { emoji } : {}) } });
  return (
    <div className="bubble-tools">
      <button
        type="button"
        className="icon-button"
        aria-label="Reply"
        title="Reply"
        onClick={() => actions.reply(message)}
      >
        <Icon name="reply" size={15} />
      </button>
      <Popover
        label="React"
        triggerClassName="icon-button"
        align={message.from === 'customer' ? 'end' : 'start'}
        trigger={<Icon name="smile" size={15} />}
      >
        {(close) => (
          <div className="reaction-picker">
            {EMOJIS.map((emoji) => (
              <button
                key={emoji}
                type="button"
                aria-label={`React with ${emoji}`}
                onClick={() => {
                  close();
                  react(emoji);
                }}
              >
                {emoji}
              </button>
            ))}
            <button
              type="button"
              className="reaction-remove"
              onClick={() => {
                close();
                react();
              }}
            >
              Remove
            </button>
          </div>
        )}
      </Popover>
    </div>
  );
}
