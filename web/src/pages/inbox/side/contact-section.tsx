// The customer: name, phone, WhatsApp profile name, their own tags and up to three custom
// fields, with "Show all" loading the rest.
import { useState } from 'react';
import type { ConversationDetail } from '#api/inbox/schemas';
import { useContactFields } from '../../../api/inbox-api.ts';
import { formatRelative } from '../../../lib/format-date.ts';

export function ContactSection({ conversation }: { conversation: ConversationDetail }) {
  const { contact } = conversation;
  const [showAll, setShowAll] = useState(false);
  const all = useContactFields(conversation.id, showAll);
  const fields = showAll && all.data ? all.data.items : contact.fields.visible;
  return (
    <section className="side-contact" aria-label="Contact">
      <div className="side-avatar" aria-hidden="true">
        {contact.displayName.charAt(0).toUpperCase()}
      </div>
      <h2 className="side-name">{contact.displayName}</h2>
      <p className="muted">{contact.phone}</p>
      {contact.profileName && contact.profileName !== contact.displayName && (
        <p className="muted">WhatsApp name: {contact.profileName}</p>
      )}
      {contact.lastSeenAt && <p className="muted">Last seen {formatRelative(contact.lastSeenAt)}</p>}
      {contact.tags.length > 0 && (
        <ul className="side-contact-tags" aria-label="Contact tags">
          {contact.tags.map((tag) => (
            <li key={tag} className="contact-tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
      {fields.length > 0 && (
        <dl className="side-fields">
          {fields.map((field) => (
            <div key={field.key} className="side-field">
              <dt>{'label' in field && field.label ? field.label : field.key}</dt>
              <dd>{formatValue(field.value)}</dd>
            </div>
          ))}
        </dl>
      )}
      {contact.fields.hiddenCount > 0 && (
        <button type="button" className="link-button" onClick={() => setShowAll((v) => !v)}>
          {showAll ? 'Show fewer fields' : `Show all fields (${contact.fields.hiddenCount} more)`}
        </button>
      )}
    </section>
  );
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  if (Array.isArray(value)) {
    return value.join(', ');
  }
  if (typeof value === 'boolean') {
    return value ? 'Yes' : 'No';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
