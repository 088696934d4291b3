// Locations and contact cards as the phone shows them, read from Meta's shapes with zod so an odd
// payload degrades to a placeholder. Used by the inbox thread and the Sandbox phone.
import { z } from 'zod';
import { contactCardSchema, locationSchema } from '#api/whatsapp/schemas';
import { Icon } from '../icon.tsx';

/** `content.location` of a message. */
export function LocationContent({ location }: { location: unknown }) {
  const parsed = locationSchema.loose().safeParse(location);
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

/** `content.contacts` of a message. */
export function ContactsContent({ contacts }: { contacts: unknown }) {
  const cards = z.array(contactCardSchema).safeParse(contacts).data ?? [];
  if (cards.length === 0) {
    return <span className="bubble-placeholder">👤 Contact card</span>;
  }
  return (
    <ul className="bubble-contacts">
      {cards.map((contact, index) => (
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
