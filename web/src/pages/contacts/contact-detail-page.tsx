// One contact: details, consent, custom fields, engagement, groups (add and remove), and the GDPR
// actions: download everything held about them, or erase them after typing their phone number.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ContactView } from '#api/contacts/schemas';
import { errorMessage } from '../../api/api-error.ts';
import {
  addGroupMembers,
  contactGroupsKey,
  contactsKey,
  customFieldsKey,
  downloadContactData,
  getContact,
  listContactGroups,
  listCustomFields,
  removeGroupMembers,
} from '../../api/contacts-api.ts';
import { useCan } from '../../auth/use-session.ts';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { formatRelative, formatTimestamp } from '../../lib/format-date.ts';
import { ContactFormDialog, OPT_IN_LABELS } from './contact-form-dialog.tsx';
import { ContactsTabs } from './contacts-tabs.tsx';
import { formatFieldValue } from './custom-field-input.tsx';
import { EraseContactDialog } from './erase-contact-dialog.tsx';
import { groupOptions } from './group-tree.ts';

export function ContactDetailPage() {
  const { contactId = '' } = useParams();
  const contact = useQuery({ queryKey: [...contactsKey, 'one', contactId], queryFn: () => getContact(contactId) });
  return (
    <div className="page">
      <ContactsTabs />
      {contact.isPending ? (
        <LoadingState label="Loading contact…" />
      ) : contact.error ? (
        <ErrorState error={contact.error} onRetry={() => void contact.refetch()} />
      ) : (
        <ContactDetail contact={contact.data} />
      )}
    </div>
  );
}

function ContactDetail({ contact }: { contact: ContactView }) {
  const can = useCan();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [erasing, setErasing] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const fields = useQuery({ queryKey: customFieldsKey, queryFn: listCustomFields });
  const manage = can('contacts.manage');
  const engagement = contact.engagement;
  const when = (date: Date | null) => (date ? `${formatRelative(date)} (${formatTimestamp(date)})` : '—');
  return (
    <>
      <p>
        <Link to="/contacts">← All contacts</Link>
      </p>
      <PageHeader
        title={contact.displayName}
        description={contact.phone}
        actions={
          manage && (
            <>
              <Button
                icon="download"
                onClick={() => {
                  setExportError(null);
                  downloadContactData(contact.id).catch((error: unknown) => setExportError(errorMessage(error)));
                }}
              >
                Export data (GDPR)
              </Button>
              <Button onClick={() => setEditing(true)}>Edit</Button>
              <Button variant="danger" onClick={() => setErasing(true)}>
                Erase contact
              </Button>
            </>
          )
        }
      />
      {exportError && <p className="field-error">{exportError}</p>}
      <div className="grid-2">
        <Card title="Details">
          <dl className="contact-facts">
            <Fact label="Name" value={contact.name ?? '—'} />
            <Fact label="WhatsApp name" value={contact.profileName ?? '—'} />
            <Fact label="Phone" value={contact.phone} />
            <Fact label="E-mail" value={contact.email ?? '—'} />
            <Fact label="Language" value={contact.language ?? '—'} />
            <Fact label="Time zone" value={contact.timeZone ?? 'The workspace’s'} />
            <Fact
              label="Marketing opt-in"
              value={`${OPT_IN_LABELS[contact.optInStatus]}${contact.optInSource ? ` · ${contact.optInSource}` : ''}${contact.optInAt ? ` · ${formatTimestamp(contact.optInAt)}` : ''}`}
            />
            <Fact label="Tags" value={contact.tags.length > 0 ? contact.tags.join(', ') : '—'} />
            <Fact label="Created" value={formatTimestamp(contact.createdAt)} />
            <Fact label="Last seen" value={when(contact.lastSeenAt)} />
          </dl>
        </Card>
        <Card title="Engagement">
          <dl className="contact-facts">
            <Fact label="Messages sent to them" value={String(engagement.messagesSentCount)} />
            <Fact label="Messages from them" value={String(engagement.messagesReceivedCount)} />
            <Fact label="Last message from them" value={when(engagement.lastInboundAt)} />
            <Fact label="Last message to them" value={when(engagement.lastOutboundAt)} />
            <Fact label="Campaigns received" value={String(engagement.campaignsReceivedCount)} />
            <Fact label="Flows completed" value={String(engagement.flowsCompletedCount)} />
          </dl>
        </Card>
        <Card title="Custom fields">
          {fields.isPending ? (
            <LoadingState />
          ) : fields.error ? (
            <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />
          ) : fields.data.items.length === 0 ? (
            <p className="cell-muted">No custom fields yet (Settings → Custom fields).</p>
          ) : (
            <dl className="contact-facts" aria-label="Custom field values">
              {fields.data.items.map((field) => (
                <Fact key={field.id} label={field.label} value={formatFieldValue(contact.fields[field.key])} />
              ))}
            </dl>
          )}
        </Card>
        <GroupsCard contact={contact} canManage={manage} />
      </div>
      {editing && <ContactFormDialog existing={contact} onClose={() => setEditing(false)} />}
      {erasing && (
        <EraseContactDialog
          contact={contact}
          onClose={() => setErasing(false)}
          onErased={() => void navigate('/contacts')}
        />
      )}
    </>
  );
}

function GroupsCard({ contact, canManage }: { contact: ContactView; canManage: boolean }) {
  const queryClient = useQueryClient();
  const groups = useQuery({ queryKey: contactGroupsKey, queryFn: listContactGroups });
  const [picked, setPicked] = useState('');
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: contactsKey }),
      queryClient.invalidateQueries({ queryKey: contactGroupsKey }),
    ]);
  const add = useMutation({
    mutationFn: () => addGroupMembers(picked, [contact.id]),
    onSuccess: async () => {
      setPicked('');
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (groupId: string) => removeGroupMembers(groupId, [contact.id]),
    onSuccess: refresh,
  });
  const memberOf = new Set(contact.groups.map((group) => group.id));
  const options = groupOptions(groups.data?.items ?? []).filter((option) => !memberOf.has(option.id));
  return (
    <Card title="Groups">
      {contact.groups.length === 0 ? (
        <p className="cell-muted">In no group.</p>
      ) : (
        <ul className="contact-groups">
          {contact.groups.map((group) => (
            <li key={group.id}>
              {group.name}
              {canManage && (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => remove.mutate(group.id)}
                  aria-label={`Remove from ${group.name}`}
                >
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && options.length > 0 && (
        <form
          className="contacts-bulk"
          onSubmit={(event) => {
            event.preventDefault();
            if (picked) {
              add.mutate();
            }
          }}
        >
          <select
            className="input"
            aria-label="Group to add to"
            value={picked}
            onChange={(e) => setPicked(e.target.value)}
          >
            <option value="">Add to group…</option>
            {options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
          <Button type="submit" size="sm" disabled={!picked} isPending={add.isPending}>
            Add
          </Button>
        </form>
      )}
      {(add.error ?? remove.error) && <p className="field-error">{errorMessage(add.error ?? remove.error)}</p>}
    </Card>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="contact-fact">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
