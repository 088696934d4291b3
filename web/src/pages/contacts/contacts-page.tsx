// Contacts: the workspace's contacts the caller may see, searched and filtered by tag, group and
// opt-in, a page at a time, with bulk tagging, a CSV export of the filtered list and a form to add
// one. Rows open the contact's page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { OPT_IN_STATUSES, type ContactFilter, type OptInStatus } from '#api/contacts/schemas';
import { errorMessage } from '../../api/api-error.ts';
import {
  bulkTagContacts,
  contactGroupsKey,
  contactsKey,
  downloadContactsCsv,
  listContactGroups,
  listContacts,
} from '../../api/contacts-api.ts';
import { useCan } from '../../auth/use-session.ts';
import { Badge } from '../../components/badge.tsx';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.tsx';
import { formatRelative } from '../../lib/format-date.ts';
import { ContactFormDialog, OPT_IN_LABELS } from './contact-form-dialog.tsx';
import { ContactsTabs } from './contacts-tabs.tsx';
import { groupOptions } from './group-tree.ts';

const PAGE_SIZE = 25;
const OPT_IN_TONES = { opted_in: 'green', opted_out: 'red', unknown: 'neutral' } as const;

export function ContactsPage() {
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // The filters live in the URL, so a filtered list can be shared and Groups can link to a group's contacts.
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [creating, setCreating] = useState(false);
  const [bulkTag, setBulkTag] = useState('');
  const [exportError, setExportError] = useState<string | null>(null);
  const cursor = cursors.at(-1) ?? null;
  const list = useQuery({
    queryKey: [...contactsKey, filter, cursor],
    queryFn: () => listContacts(filter, cursor, PAGE_SIZE),
  });
  const groups = useQuery({ queryKey: contactGroupsKey, queryFn: listContactGroups });
  const tagging = useMutation({
    mutationFn: () => bulkTagContacts([...selected], [bulkTag.trim()]),
    onSuccess: async () => {
      setBulkTag('');
      setSelected(new Set());
      await queryClient.invalidateQueries({ queryKey: contactsKey });
    },
  });
  const changeFilter = (patch: ContactFilter) => {
    const next = { ...filter, ...patch };
    setParams(Object.fromEntries(Object.entries(next).filter((entry): entry is [string, string] => !!entry[1])), {
      replace: true,
    });
    setCursors([null]);
    setSelected(new Set());
  };
  const items = list.data?.items ?? [];
  const isFiltered = Object.values(filter).some((value) => value);
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) {
        next.add(id);
      }
      return next;
    });
  return (
    <div className="page page-wide">
      <ContactsTabs />
      <PageHeader
        title="Contacts"
        description="Everyone you talk to on WhatsApp: their details, consent, custom fields and groups."
        actions={
          <>
            <Button
              icon="download"
              onClick={() => {
                setExportError(null);
                downloadContactsCsv(filter).catch((error: unknown) => setExportError(errorMessage(error)));
              }}
            >
              Export CSV
            </Button>
            {can('contacts.manage') && (
              <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
                New contact
              </Button>
            )}
          </>
        }
      />
      {exportError && <p className="field-error">{exportError}</p>}
      <Card flush>
        <div className="card-body contacts-filters">
          <input
            className="input"
            type="search"
            placeholder="Search name, phone or e-mail"
            aria-label="Search contacts"
            value={filter.search ?? ''}
            onChange={(event) => changeFilter({ search: event.target.value || undefined })}
          />
          <input
            className="input"
            placeholder="Tag"
            aria-label="Filter by tag"
            value={filter.tag ?? ''}
            onChange={(event) => changeFilter({ tag: event.target.value.trim() || undefined })}
          />
          <select
            className="input"
            aria-label="Filter by group"
            value={filter.groupId ?? ''}
            onChange={(event) => changeFilter({ groupId: event.target.value || undefined })}
          >
            <option value="">All groups</option>
            {groupOptions(groups.data?.items ?? []).map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
          <select
            className="input"
            aria-label="Filter by opt-in"
            value={filter.optInStatus ?? ''}
            onChange={(event) => changeFilter({ optInStatus: (event.target.value || undefined) as OptInStatus })}
          >
            <option value="">Any opt-in</option>
            {OPT_IN_STATUSES.map((status) => (
              <option key={status} value={status}>
                {OPT_IN_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        {selected.size > 0 && can('contacts.manage') && (
          <form
            className="card-body contacts-bulk"
            onSubmit={(event) => {
              event.preventDefault();
              if (bulkTag.trim()) {
                tagging.mutate();
              }
            }}
          >
            <span>{selected.size} selected</span>
            <input
              className="input"
              placeholder="Tag to add"
              aria-label="Tag to add to the selected contacts"
              value={bulkTag}
              onChange={(event) => setBulkTag(event.target.value)}
            />
            <Button type="submit" size="sm" isPending={tagging.isPending} disabled={!bulkTag.trim()}>
              Add tag
            </Button>
            {tagging.error && <span className="field-error">{errorMessage(tagging.error)}</span>}
          </form>
        )}
        {list.isPending ? (
          <LoadingState label="Loading contacts…" />
        ) : list.error ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState
            icon="users"
            title={isFiltered ? 'No contacts match these filters' : 'No contacts yet'}
            description={
              isFiltered
                ? 'Try another search or clear the filters.'
                : 'Contacts appear when customers message you, or add one yourself.'
            }
            action={
              isFiltered ? (
                <Button
                  size="sm"
                  onClick={() =>
                    changeFilter({ search: undefined, tag: undefined, groupId: undefined, optInStatus: undefined })
                  }
                >
                  Clear filters
                </Button>
              ) : undefined
            }
          />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">
                    <input
                      type="checkbox"
                      aria-label="Select all on this page"
                      checked={items.every((c) => selected.has(c.id))}
                      onChange={(event) =>
                        setSelected(event.target.checked ? new Set(items.map((c) => c.id)) : new Set())
                      }
                    />
                  </th>
                  <th scope="col">Name</th>
                  <th scope="col">Phone</th>
                  <th scope="col">Tags</th>
                  <th scope="col">Opt-in</th>
                  <th scope="col">Last seen</th>
                </tr>
              </thead>
              <tbody>
                {items.map((contact) => (
                  <tr
                    key={contact.id}
                    className="contacts-row"
                    onClick={() => void navigate(`/contacts/${contact.id}`)}
                  >
                    <td onClick={(event) => event.stopPropagation()}>
                      <input
                        type="checkbox"
                        aria-label={`Select ${contact.displayName}`}
                        checked={selected.has(contact.id)}
                        onChange={() => toggle(contact.id)}
                      />
                    </td>
                    <td className="cell-strong">
                      <Link to={`/contacts/${contact.id}`} onClick={(event) => event.stopPropagation()}>
                        {contact.displayName}
                      </Link>
                    </td>
                    <td className="cell-nowrap">{contact.phone}</td>
                    <td>
                      {contact.tags.map((tag) => (
                        <span key={tag} className="contacts-tag">
                          {tag}
                        </span>
                      ))}
                    </td>
                    <td>
                      <Badge tone={OPT_IN_TONES[contact.optInStatus]}>{OPT_IN_LABELS[contact.optInStatus]}</Badge>
                    </td>
                    <td className="cell-muted">{contact.lastSeenAt ? formatRelative(contact.lastSeenAt) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {list.data && (list.data.total > 0 || cursors.length > 1) && (
          <div className="card-body contacts-pager">
            <span className="cell-muted">
              {list.data.total} contact{list.data.total === 1 ? '' : 's'} · page {cursors.length}
            </span>
            <Button size="sm" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
              Previous
            </Button>
            <Button
              size="sm"
              disabled={!list.data.nextCursor}
              onClick={() => setCursors((c) => [...c, list.data.nextCursor])}
            >
              Next
            </Button>
          </div>
        )}
      </Card>
      {creating && (
        <ContactFormDialog
          existing={null}
          onClose={() => setCreating(false)}
          onSaved={(contact) => void navigate(`/contacts/${contact.id}`)}
        />
      )}
    </div>
  );
}

function filterFromParams(params: URLSearchParams): ContactFilter {
  const optIn = params.get('optInStatus');
  return {
    ...(params.get('search') ? { search: params.get('search')! } : {}),
    ...(params.get('tag') ? { tag: params.get('tag')! } : {}),
    ...(params.get('groupId') ? { groupId: params.get('groupId')! } : {}),
    ...(optIn && (OPT_IN_STATUSES as readonly string[]).includes(optIn) ? { optInStatus: optIn as OptInStatus } : {}),
  };
}
