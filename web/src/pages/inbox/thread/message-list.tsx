// The scrolling thread. Stays pinned to the newest entry while the agent is at the bottom (new
// messages scroll into view), but never yanks them away while reading older ones; scrolling to
// the top loads the previous page and keeps the reading position.
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { Note } from '#api/inbox/schemas';
import { Button } from '../../../components/button.tsx';
import { MessageBubble } from './message-bubble.tsx';
import { NoteItem } from './note-item.tsx';
import { ScheduledItem } from './scheduled-item.tsx';
import type { TimelineEntry } from './timeline.ts';

type Props = {
  timeline: TimelineEntry[];
  contactName: string;
  hasOlder: boolean;
  isLoadingOlder: boolean;
  onLoadOlder: () => void;
  onChanged: () => void;
  onPin: (note: Note) => void;
};

const NEAR_BOTTOM_PX = 120;

export function MessageList({ timeline, contactName, hasOlder, isLoadingOlder, onLoadOlder, onChanged, onPin }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const wasAtBottom = useRef(true);
  const previousHeight = useRef(0);
  const firstKey = timeline.find((e) => e.kind !== 'day')?.key;
  const previousFirst = useRef(firstKey);

  // Photos and videos get their height when they load: stay at the bottom if the agent was there.
  useEffect(() => {
    const element = scroller.current;
    const onLoad = () => {
      if (element && wasAtBottom.current) {
        element.scrollTop = element.scrollHeight;
      }
    };
    element?.addEventListener('load', onLoad, true);
    element?.addEventListener('loadedmetadata', onLoad, true);
    return () => {
      element?.removeEventListener('load', onLoad, true);
      element?.removeEventListener('loadedmetadata', onLoad, true);
    };
  }, []);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) {
      return;
    }
    if (previousFirst.current !== firstKey && previousHeight.current > 0 && !wasAtBottom.current) {
      // Older entries were prepended: keep what the agent was reading where it was.
      element.scrollTop += element.scrollHeight - previousHeight.current;
    } else if (wasAtBottom.current) {
      element.scrollTop = element.scrollHeight;
    }
    previousFirst.current = firstKey;
    previousHeight.current = element.scrollHeight;
  }, [timeline, firstKey]);

  return (
    <div
      className="chat-thread inbox-chat"
      ref={scroller}
      role="log"
      aria-label="Messages"
      onScroll={(event) => {
        const element = event.currentTarget;
        wasAtBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM_PX;
        previousHeight.current = element.scrollHeight;
        if (element.scrollTop < 80 && hasOlder && !isLoadingOlder) {
          onLoadOlder();
        }
      }}
    >
      {hasOlder && (
        <div className="thread-older">
          <Button size="sm" variant="ghost" isPending={isLoadingOlder} onClick={onLoadOlder}>
            Load older messages
          </Button>
        </div>
      )}
      {timeline.length === 0 && <p className="chat-system">No messages yet.</p>}
      {timeline.map((entry) => {
        switch (entry.kind) {
          case 'day':
            return (
              <p key={entry.key} className="chat-day">
                {entry.label}
              </p>
            );
          case 'message':
            return (
              <MessageBubble
                key={entry.key}
                message={entry.message}
                quoted={entry.quoted}
                reactions={entry.reactions}
                contactName={contactName}
                onRetried={onChanged}
              />
            );
          case 'note':
            return <NoteItem key={entry.key} note={entry.note} onPin={onPin} />;
          case 'scheduled':
            return <ScheduledItem key={entry.key} scheduled={entry.scheduled} onChanged={onChanged} />;
        }
      })}
    </div>
  );
}
