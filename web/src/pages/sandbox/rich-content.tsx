// Locations and contact cards, as the phone shows them.
import type { SandboxMessage } from '#api/sandbox/schemas';
import { Icon } from '../../components/icon.tsx';
import { contactsPartSchema, locationPartSchema, partOf } from './message-parts.ts';

export function LocationContent({ message }: { message: SandboxMessage }) {
  const location = partOf(message, locationPartSchema);
  if (!location) {
    return <span className="bubble-placeholder">Location</span>;
  }
  const { latitude: lat, longitude: lon } = location;
  const mapUrl = `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`;
  return (
    <div className="bubble-location">
      <Icon name="mapPin" size={22} />
      <div>
        {location.name && <p className="bubble-location-name">{location.name}</p>}
        {location.address && <p className="bubble-location-address">{location.address}</p>}
        <p className="bubble-location-coords">
          {lat.toFixed(5)}, {lon.toFixed(5)}
        </p>
        <a href={mapUrl} target="_blank" rel="noreferrer">
          Open in OpenStreetMap
        </a>
      </div>
    </div>
  );
}

export function ContactsContent({ message }: { message: SandboxMessage }) {
  const contacts = partOf(message, contactsPartSchema) ?? [];
  if (contacts.length === 0) {
    return <span className="bubble-placeholder">Contact card</span>;
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
