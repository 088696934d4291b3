// Outside the 24-hour window WhatsApp accepts only an approved template: pick one of the
// channel's, fill its {{1}}, {{2}}… and send. (Inside the window it is not offered: a free reply
// is what customers expect.)
import { useState, type FormEvent } from 'react';
import type { ConversationDetail } from '#api/inbox/schemas';
import { errorMessage } from '../../../api/api-error.ts';
import { sendMessage } from '../../../api/inbox-actions-api.ts';
import { useChannelTemplates, type TemplateItem } from '../../../api/inbox-extras-api.ts';
import { Button } from '../../../components/button.tsx';
import { useToast } from '../../../components/toast-context.ts';

type Props = { conversation: ConversationDetail; onSent: () => void };

export function TemplatePicker({ conversation, onSent }: Props) {
  const toast = useToast();
  const templates = useChannelTemplates(conversation.channelId, true);
  const [key, setKey] = useState('');
  const [values, setValues] = useState<string[]>([]);
  const [isSending, setSending] = useState(false);
  const items = templates.data ?? [];
  const template = items.find((t) => templateKey(t) === key) ?? null;
  const body = template?.components?.find((c) => c.type.toLowerCase() === 'body')?.text ?? '';
  const count = parameterCount(body);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!template || values.slice(0, count).filter((v) => v.trim()).length < count) {
      return;
    }
    setSending(true);
    const parameters = values.slice(0, count).map((text) => ({ type: 'text' as const, text }));
    sendMessage({
      channelId: conversation.channelId,
      to: { contactId: conversation.contact.id },
      content: {
        type: 'template',
        template: {
          name: template.name,
          language: { code: template.language },
          ...(count > 0 ? { components: [{ type: 'body', parameters }] } : {}),
        },
      },
      idempotencyKey: crypto.randomUUID(),
    })
      .then(() => {
        setKey('');
        setValues([]);
        onSent();
      })
      .catch((error: unknown) => toast.show(errorMessage(error), 'error'))
      .finally(() => setSending(false));
  };

  return (
    <form className="template-picker" onSubmit={submit}>
      <p className="window-closed-note" role="note">
        The customer last wrote more than 24 hours ago: WhatsApp only lets you send an approved template until they
        answer.
      </p>
      {templates.error ? (
        <p className="field-error">Templates could not be loaded: {errorMessage(templates.error)}</p>
      ) : (
        <select
          className="inbox-select"
          aria-label="Template"
          value={key}
          onChange={(e) => {
            setKey(e.target.value);
            setValues([]);
          }}
        >
          <option value="">
            {templates.isPending ? 'Loading templates…' : items.length ? 'Pick a template' : 'No approved templates'}
          </option>
          {items.map((t) => (
            <option key={templateKey(t)} value={templateKey(t)}>
              {t.name} ({t.language})
            </option>
          ))}
        </select>
      )}
      {template && (
        <>
          <p className="template-body">{body || 'This template has no body text.'}</p>
          {Array.from({ length: count }, (_, index) => (
            <input
              key={index}
              className="input"
              aria-label={`Value for {{${index + 1}}}`}
              placeholder={`{{${index + 1}}}`}
              value={values[index] ?? ''}
              onChange={(e) => setValues((current) => Object.assign([...current], { [index]: e.target.value }))}
            />
          ))}
          <Button type="submit" variant="primary" size="sm" icon="send" isPending={isSending}>
            Send template
          </Button>
        </>
      )}
    </form>
  );
}

function templateKey(template: TemplateItem): string {
  return `${template.name}:${template.language}`;
}

/** The highest {{n}} in a template body: that many values to fill. */
export function parameterCount(body: string): number {
  return Math.max(0, ...[...body.matchAll(/\{\{\s*(\d+)\s*\}\}/g)].map((m) => Number(m[1])));
}
