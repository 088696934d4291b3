// Typing a reply or a note. Enter sends, Shift+Enter starts a new line; `/shortcut` inserts a
// canned response, `@name` mentions a member in a note. Attachments, voice notes, emoji and
// "send later" sit in the toolbar.
import { useId, useRef, useState, type FormEvent } from 'react';
import type { ConversationDetail } from '#api/inbox/schemas';
import { errorMessage } from '../../../api/api-error.ts';
import { createNote, sendMessage } from '../../../api/inbox-actions-api.ts';
import { renderCannedResponse, scheduleMessage } from '../../../api/inbox-extras-api.ts';
import { Icon } from '../../../components/icon.tsx';
import { useToast } from '../../../components/toast-context.ts';
import type { ComposerMode } from './composer.tsx';
import { ComposerTools } from './composer-tools.tsx';
import { ScheduleDialog } from './schedule-dialog.tsx';
import { SuggestionList, type Suggestion } from './suggestion-list.tsx';
import { mentionedIds, replaceToken } from './trigger-token.ts';
import { useSuggestions } from './use-suggestions.ts';

type Props = { mode: ComposerMode; conversation: ConversationDetail; onSent: () => void };

export function TextComposer({ mode, conversation, onSent }: Props) {
  const toast = useToast();
  const listId = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [mentions, setMentions] = useState<Array<{ userId: string; name: string }>>([]);
  const [isPinned, setPinned] = useState(false);
  const [isSending, setSending] = useState(false);
  const [isScheduling, setScheduling] = useState(false);
  /** A canned response is being filled in: Enter must not send the bare `/shortcut` meanwhile. */
  const [isInserting, setInserting] = useState(false);
  const suggestions = useSuggestions(text, caret, mode);

  const setTextAndCaret = (next: string, at: number) => {
    setText(next);
    setCaret(at);
    requestAnimationFrame(() => input.current?.setSelectionRange(at, at));
  };
  const insert = (value: string) => {
    const element = input.current;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    setTextAndCaret(text.slice(0, start) + value + text.slice(end), start + value.length);
    element?.focus();
  };
  const pick = (item: Suggestion) => {
    const token = suggestions.token;
    if (!token) {
      return;
    }
    if (token.trigger === '@') {
      setMentions((current) => [...current, { userId: item.id, name: item.label }]);
      const next = replaceToken(text, token, `@${item.label} `);
      setTextAndCaret(next.text, next.caret);
      return;
    }
    setInserting(true);
    renderCannedResponse(item.id, conversation.id)
      .then(
        (rendered) => {
          const next = replaceToken(text, token, rendered.text);
          setTextAndCaret(next.text, next.caret);
          if (rendered.missingVariables.length > 0) {
            toast.show(`No value for ${rendered.missingVariables.join(', ')}: check the text`, 'info');
          }
        },
        (error: unknown) => toast.show(errorMessage(error), 'error'),
      )
      .finally(() => setInserting(false));
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const body = text.trim();
    if (!body || isSending || isInserting) {
      return;
    }
    setSending(true);
    const send =
      mode === 'note'
        ? createNote(conversation.id, { body, mentionedUserIds: mentionedIds(body, mentions), pinned: isPinned })
        : sendMessage({
            channelId: conversation.channelId,
            to: { contactId: conversation.contact.id },
            content: { type: 'text', text: { body } },
            idempotencyKey: crypto.randomUUID(),
          });
    // The box clears at once; a failed send gives the text back so it is not lost.
    setTextAndCaret('', 0);
    send
      .then(() => {
        setMentions([]);
        setPinned(false);
        onSent();
      })
      .catch((error: unknown) => {
        setText((current) => current || body);
        toast.show(errorMessage(error), 'error');
      })
      .finally(() => setSending(false));
  };

  const label = mode === 'note' ? 'Internal note' : 'Reply';
  return (
    <>
      <form className="composer-form" onSubmit={submit}>
        {suggestions.token && (
          <SuggestionList
            id={listId}
            label={suggestions.token.trigger === '/' ? 'Canned responses' : 'Members to mention'}
            items={suggestions.items}
            activeIndex={suggestions.activeIndex}
            isLoading={suggestions.isLoading}
            emptyText={
              suggestions.token.trigger === '/' ? 'No canned response with that shortcut' : 'No member by that name'
            }
            onPick={pick}
          />
        )}
        <textarea
          ref={input}
          className="composer-text"
          aria-label={label}
          placeholder={
            mode === 'note'
              ? 'Only your team sees notes. Type @ to mention someone.'
              : 'Type a reply. / for canned responses, Shift+Enter for a new line.'
          }
          rows={3}
          value={text}
          role="combobox"
          aria-expanded={Boolean(suggestions.token)}
          aria-controls={suggestions.token ? listId : undefined}
          aria-autocomplete="list"
          aria-activedescendant={
            suggestions.token && suggestions.items.length > 0 ? `${listId}-${suggestions.activeIndex}` : undefined
          }
          onChange={(event) => {
            setText(event.target.value);
            setCaret(event.target.selectionStart);
          }}
          onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
          onKeyDown={(event) => {
            if (suggestions.onKeyDown(event, pick)) {
              return;
            }
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              submit();
            }
          }}
        />
        <div className="composer-bar">
          <ComposerTools mode={mode} conversation={conversation} onEmoji={insert} onSent={onSent} />
          {mode === 'note' && (
            <label className="inbox-check">
              <input type="checkbox" checked={isPinned} onChange={(e) => setPinned(e.target.checked)} />
              Pin
            </label>
          )}
          {mode === 'reply' && (
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              disabled={!text.trim()}
              onClick={() => setScheduling(true)}
            >
              Send later
            </button>
          )}
          <button
            type="submit"
            className="btn btn-primary btn-sm"
            aria-busy={isSending || undefined}
            disabled={!text.trim()}
          >
            <Icon name="send" size={15} />
            {mode === 'note' ? 'Add note' : 'Send'}
          </button>
        </div>
      </form>
      {/* Outside the composer's form: the dialog's own submit must not bubble into it. */}
      {isScheduling && (
        <ScheduleDialog
          title="Send later"
          initialText={text}
          onSave={async (body, sendAt) => {
            await scheduleMessage(conversation.id, { content: { type: 'text', text: body }, sendAt });
            setTextAndCaret('', 0);
            toast.show('Message scheduled', 'success');
            onSent();
          }}
          onClose={() => setScheduling(false)}
        />
      )}
    </>
  );
}
