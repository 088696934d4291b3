// The phone's input bar: text, a photo or document, a location, and (under "…") a contact card or
// a message type WhatsApp cannot show. Replies quote the message picked with "Reply".
import { useRef, useState, type FormEvent } from 'react';
import type { CustomerMessage } from '../../api/sandbox-api.ts';
import { Icon } from '../../components/icon.tsx';
import { Popover } from '../../components/popover.tsx';
import { ContactCardDialog } from './contact-card-dialog.tsx';
import { LocationDialog } from './location-dialog.tsx';
import { fileToMessage } from './read-file.ts';

type ComposerProps = {
  onSend: (message: CustomerMessage) => Promise<void>;
  onError: (error: unknown) => void;
};

export function Composer({ onSend, onError }: ComposerProps) {
  const [text, setText] = useState('');
  const [pending, setPending] = useState(0);
  const [dialog, setDialog] = useState<'location' | 'contact' | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());

  /** One after another, so the business receives messages in the order they were sent. */
  const send = (message: () => Promise<CustomerMessage>, onFailed?: () => void) => {
    setPending((count) => count + 1);
    queue.current = queue.current
      .then(() => message().then(onSend))
      .catch((error: unknown) => {
        onFailed?.();
        onError(error);
      })
      .finally(() => setPending((count) => count - 1));
  };
  // The input clears at once, as on a phone; a failed text comes back so it is not lost.
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = text.trim();
    if (body) {
      setText('');
      send(
        () => Promise.resolve({ type: 'text', text: { body } }),
        () => setText((current) => current || body),
      );
    }
  };

  return (
    <>
      <form className="composer" onSubmit={submit}>
        <Popover label="More options" triggerClassName="composer-icon" trigger={<Icon name="more" size={20} />}>
          {(close) => (
            <div className="menu">
              <button
                type="button"
                className="menu-item"
                onClick={() => {
                  close();
                  setDialog('contact');
                }}
              >
                Contact card
              </button>
              <button
                type="button"
                className="menu-item"
                onClick={() => {
                  close();
                  send(() => Promise.resolve({ type: 'unsupported', unsupported: { type: 'edit' } }));
                }}
              >
                Unsupported message (an edit)
              </button>
            </div>
          )}
        </Popover>
        <div className="composer-field">
          <input
            className="composer-input"
            aria-label="Message"
            placeholder="Message"
            autoComplete="off"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <label className="composer-icon" title="Attach a photo or document (up to 5 MB)">
            <Icon name="paperclip" size={19} />
            <input
              type="file"
              aria-label="Attach a file"
              className="visually-hidden"
              accept="image/*,video/*,audio/*,application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.txt"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) {
                  send(() => fileToMessage(file));
                }
              }}
            />
          </label>
          <button
            type="button"
            className="composer-icon"
            aria-label="Share location"
            onClick={() => setDialog('location')}
          >
            <Icon name="mapPin" size={19} />
          </button>
        </div>
        <button type="submit" className="composer-send" aria-label="Send" aria-busy={pending > 0 || undefined}>
          <Icon name="send" size={18} />
        </button>
      </form>
      {/* Outside the composer's form: a dialog's submit must not bubble into it. */}
      {dialog === 'location' && <LocationDialog onSend={onSend} onClose={() => setDialog(null)} />}
      {dialog === 'contact' && <ContactCardDialog onSend={onSend} onClose={() => setDialog(null)} />}
    </>
  );
}
