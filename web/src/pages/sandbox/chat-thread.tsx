// The conversation as the customer's phone lists it: day separators, bubbles, and reactions folded
// onto the message they react to. Keeps the newest message in view as the thread grows.
import { Fragment, useEffect, useRef } from 'react';
import type { SandboxMessage } from '#api/sandbox/schemas';
import type { ReplyActions } from './interactive-content.tsx';
import { MessageBubble } from './message-bubble.tsx';
import { partOf, reactionPartSchema } from './message-parts.ts';

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });

type ChatThreadProps = {
  messages: SandboxMessage[];
  businessName: string;
  actions: ReplyActions & { reply: (message: SandboxMessage) => void };
};

export function ChatThread({ messages, businessName, actions }: ChatThreadProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const lastId = messages.at(-1)?.id;
  useEffect(() => {
    const element = scroller.current;
    if (element) {
      element.scrollTop = element.scrollHeight;
    }
  }, [lastId]);

  const byId = new Map(messages.map((m) => [m.id, m]));
  const reactions = reactionsByTarget(messages, byId);
  const shown = messages.filter((m) => !(m.type === 'reaction' && isFolded(m, byId)));

  return (
    <div className="chat-thread" ref={scroller} aria-label="Chat" role="log">
      {shown.length === 0 && (
        <p className="chat-system">No messages yet. Say hi: your workspace receives it as this customer.</p>
      )}
      {shown.map((message, index) => {
        const day = dayFormat.format(message.timestamp);
        const previous = shown[index - 1];
        return (
          <Fragment key={message.id}>
            {(!previous || dayFormat.format(previous.timestamp) !== day) && <p className="chat-day">{day}</p>}
            <MessageBubble
              message={message}
              quoted={message.replyTo ? (byId.get(message.replyTo) ?? null) : null}
              reactions={reactions.get(message.id) ?? []}
              businessName={businessName}
              actions={actions}
            />
          </Fragment>
        );
      })}
    </div>
  );
}

/** The current emoji of each side on each message: a later reaction replaces, an empty one removes. */
function reactionsByTarget(messages: SandboxMessage[], byId: Map<string, SandboxMessage>): Map<string, string[]> {
  const latest = new Map<string, Map<string, string>>();
  for (const message of messages) {
    const reaction = message.type === 'reaction' ? partOf(message, reactionPartSchema) : null;
    if (!reaction || !byId.has(reaction.message_id)) {
      continue;
    }
    const sides = latest.get(reaction.message_id) ?? new Map<string, string>();
    sides.set(message.from, reaction.emoji ?? '');
    latest.set(reaction.message_id, sides);
  }
  return new Map([...latest].map(([id, sides]) => [id, [...sides.values()].filter(Boolean)]));
}

function isFolded(message: SandboxMessage, byId: Map<string, SandboxMessage>): boolean {
  const target = partOf(message, reactionPartSchema)?.message_id;
  return target !== undefined && byId.has(target);
}
