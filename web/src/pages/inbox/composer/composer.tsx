// The composer under the thread: a reply to the customer or an internal note. Outside the
// 24-hour window a reply must be a template, so the template picker takes the text box's place.
import { useState } from 'react';
import type { ConversationDetail } from '#api/inbox/schemas';
import { useCan } from '../../../auth/use-session.ts';
import { cx } from '../../../lib/cx.ts';
import { windowState } from '../time-text.ts';
import { useNow } from '../use-now.ts';
import { TemplatePicker } from './template-picker.tsx';
import { TextComposer } from './text-composer.tsx';

export type ComposerMode = 'reply' | 'note';

export function Composer({ conversation, onSent }: { conversation: ConversationDetail; onSent: () => void }) {
  const can = useCan();
  const [mode, setMode] = useState<ComposerMode>('reply');
  const now = useNow(15_000);
  const window = windowState(conversation.windowClosesAt, now);
  if (!can('inbox.reply')) {
    return <p className="composer-readonly muted">Your role can read this conversation but not reply.</p>;
  }
  return (
    <div className={cx('inbox-composer', mode === 'note' && 'is-note')}>
      <div className="composer-modes" role="tablist" aria-label="Write">
        {(['reply', 'note'] as const).map((each) => (
          <button
            key={each}
            type="button"
            role="tab"
            aria-selected={mode === each}
            className={cx('composer-mode', mode === each && 'is-active')}
            onClick={() => setMode(each)}
          >
            {each === 'reply' ? 'Reply' : 'Internal note'}
          </button>
        ))}
      </div>
      {mode === 'reply' && !window.isOpen ? (
        <TemplatePicker conversation={conversation} onSent={onSent} />
      ) : (
        <TextComposer key={mode} mode={mode} conversation={conversation} onSent={onSent} />
      )}
    </div>
  );
}
