// Interactive messages (and the customer's button or list replies) and templates, read from Meta's
// shapes with zod so an odd payload degrades to a placeholder. Locations and contact cards are
// shared with the Sandbox phone (components/whatsapp/location-and-contacts.tsx).
import { z } from 'zod';
import { Icon } from '../../../components/icon.tsx';
import { WhatsAppText } from '../../../components/whatsapp/whatsapp-text.tsx';
import { stringOf } from './message-preview.ts';

const interactiveSchema = z.looseObject({
  type: z.string(),
  header: z.looseObject({ type: z.string(), text: z.string().optional() }).optional(),
  body: z.looseObject({ text: z.string() }).optional(),
  footer: z.looseObject({ text: z.string() }).optional(),
  button_reply: z.looseObject({ title: z.string() }).optional(),
  list_reply: z.looseObject({ title: z.string(), description: z.string().optional() }).optional(),
  action: z
    .looseObject({
      button: z.string().optional(),
      buttons: z.array(z.looseObject({ reply: z.looseObject({ title: z.string() }) })).optional(),
    })
    .optional(),
});

/** The business's buttons or list, or the customer's tap on one (a reply with its title). */
export function InteractiveContent({ part }: { part: Record<string, unknown> }) {
  const parsed = interactiveSchema.safeParse(part).data;
  if (!parsed) {
    return <span className="bubble-placeholder">Interactive message</span>;
  }
  const reply = parsed.button_reply ?? parsed.list_reply;
  if (reply) {
    return (
      <span className="bubble-reply-choice">
        <Icon name="reply" size={13} /> <WhatsAppText text={reply.title} />
        {parsed.list_reply?.description && <span className="muted"> — {parsed.list_reply.description}</span>}
      </span>
    );
  }
  const buttons = parsed.action?.buttons?.map((b) => b.reply.title) ?? [];
  return (
    <>
      {parsed.header?.text && <p className="bubble-header">{parsed.header.text}</p>}
      {parsed.body && <WhatsAppText text={parsed.body.text} />}
      {parsed.footer && <p className="bubble-footer">{parsed.footer.text}</p>}
      {(buttons.length > 0 || parsed.action?.button) && (
        <span className="bubble-choices" aria-label="Choices offered">
          {buttons.length > 0 ? buttons.join(' · ') : `☰ ${parsed.action?.button ?? ''}`}
        </span>
      )}
    </>
  );
}

export function TemplateContent({ part, text }: { part: Record<string, unknown>; text: string | null }) {
  const name = stringOf(part.name);
  return (
    <>
      <span className="bubble-template-name">Template {name ?? ''}</span>
      {text && <WhatsAppText text={text} />}
    </>
  );
}
