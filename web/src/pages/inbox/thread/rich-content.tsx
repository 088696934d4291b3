// Locations, contact cards, interactive messages (and the customer's button or list replies) and
// templates, read from Meta's shapes with zod so an odd payload degrades to a placeholder.
import { z } from 'zod';
import { contactCardSchema, locationSchema } from '#api/whatsapp/schemas';
import { Icon } from '../../../components/icon.tsx';
import { stringOf } from './message-preview.ts';
import { RichText } from './rich-text.tsx';

export function LocationContent({ part }: { part: Record<string, unknown> }) {
  const parsed = locationSchema.loose().safeParse(part);
  if (!parsed.success) {
    return <span className="bubble-placeholder">📍 Location</span>;
  }
  const { latitude: lat, longitude: lon, name, address } = parsed.data;
  const mapUrl = `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`;
  return (
    <div className="bubble-location">
      <Icon name="mapPin" size={22} />
      <div>
        {name && <p className="bubble-location-name">{name}</p>}
        {address && <p className="bubble-location-address">{address}</p>}
        <p className="bubble-location-coords">
          {lat.toFixed(5)}, {lon.toFixed(5)}
        </p>
        <a href={mapUrl} target="_blank" rel="noreferrer">
          Open the map
        </a>
      </div>
    </div>
  );
}

export function ContactsContent({ content }: { content: unknown }) {
  const contacts = z.array(contactCardSchema).safeParse(content).data ?? [];
  if (contacts.length === 0) {
    return <span className="bubble-placeholder">👤 Contact card</span>;
  }
  return (
    <ul className="bubble-contacts">
      {contacts.map((contact, index) => (
        <li key={index} className="bubble-contact">
          <span className="bubble-contact-avatar" aria-hidden="true">
            {contact.name.formatted_name.charAt(0).toUpperCase()}
          </span>
          <span className="bubble-contact-text">
            <strong>{contact.name.formatted_name}</strong>
            {contact.org?.company && <span>{contact.org.company}</span>}
            {contact.phones?.map((phone, i) => (
              <span key={`p${i}`}>{phone.phone ?? phone.wa_id}</span>
            ))}
            {contact.emails?.map((email, i) => (
              <span key={`e${i}`}>{email.email}</span>
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}

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
        <Icon name="reply" size={13} /> <RichText text={reply.title} />
        {parsed.list_reply?.description && <span className="muted"> — {parsed.list_reply.description}</span>}
      </span>
    );
  }
  const buttons = parsed.action?.buttons?.map((b) => b.reply.title) ?? [];
  return (
    <>
      {parsed.header?.text && <p className="bubble-header">{parsed.header.text}</p>}
      {parsed.body && <RichText text={parsed.body.text} />}
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
      {text && <RichText text={text} />}
    </>
  );
}
