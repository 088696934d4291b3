// Settings → Custom fields: the contact fields of the workspace (text, number, date, dropdown,
// multi-select, checkbox), which are required and which agents see in the inbox. Renaming keeps
// the values; deleting asks for the field's key and removes its values from every contact.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MAX_AGENT_VISIBLE_FIELDS, MAX_CUSTOM_FIELDS } from '#api/contacts/custom-field-schemas';
import type { CustomFieldView } from '#api/contacts/schemas';
import { contactsKey, customFieldsKey, deleteCustomField, listCustomFields } from '../../../api/contacts-api.ts';
import { useCan } from '../../../auth/use-session.ts';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states.tsx';
import { CustomFieldDialog, FIELD_TYPE_LABELS } from './custom-field-dialog.tsx';
import { DeleteCustomFieldDialog } from './delete-custom-field-dialog.tsx';

export function CustomFieldsPage() {
  const can = useCan();
  const queryClient = useQueryClient();
  const fields = useQuery({ queryKey: customFieldsKey, queryFn: listCustomFields });
  const [editing, setEditing] = useState<CustomFieldView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CustomFieldView | null>(null);
  const remove = useMutation({
    mutationFn: (field: CustomFieldView) => deleteCustomField(field.id, field.key),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: customFieldsKey }),
        queryClient.invalidateQueries({ queryKey: contactsKey }),
      ]),
  });
  const manage = can('contacts.manage');
  const items = fields.data?.items ?? [];
  const visibleCount = items.filter((field) => field.agentVisible).length;
  return (
    <div className="page">
      <PageHeader
        title="Custom fields"
        description={`Extra details you keep on contacts, used in templates, flows, segments and the inbox as {{contact.fields.<key>}}. Up to ${MAX_CUSTOM_FIELDS} fields; ${MAX_AGENT_VISIBLE_FIELDS} can be shown to agents.`}
        actions={
          manage && (
            <Button
              variant="primary"
              icon="plus"
              disabled={items.length >= MAX_CUSTOM_FIELDS}
              onClick={() => setEditing('new')}
            >
              New field
            </Button>
          )
        }
      />
      <Card flush>
        {fields.isPending ? (
          <LoadingState label="Loading fields…" />
        ) : fields.error ? (
          <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title="No custom fields yet" description="Add fields such as plan, birthday or loyalty tier." />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Label</th>
                  <th scope="col">Key</th>
                  <th scope="col">Type</th>
                  <th scope="col">Options</th>
                  <th scope="col">Rules</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((field) => (
                  <tr key={field.id}>
                    <td className="cell-strong">{field.label}</td>
                    <td className="cell-muted">
                      <code>{field.key}</code>
                    </td>
                    <td>{FIELD_TYPE_LABELS[field.type]}</td>
                    <td className="cell-muted cell-break">{field.options.join(', ') || '—'}</td>
                    <td>
                      {field.required && <Badge tone="amber">Required</Badge>}{' '}
                      {field.agentVisible && <Badge tone="blue">Agents see it</Badge>}
                    </td>
                    <td className="cell-actions">
                      {manage && (
                        <>
                          <Button size="sm" variant="ghost" onClick={() => setEditing(field)}>
                            Edit
                          </Button>
                          <Button size="sm" variant="ghost" onClick={() => setDeleting(field)}>
                            Delete
                          </Button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {editing && (
        <CustomFieldDialog
          existing={editing === 'new' ? null : editing}
          canShowToAgents={visibleCount < MAX_AGENT_VISIBLE_FIELDS}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <DeleteCustomFieldDialog
          field={deleting}
          onConfirm={async () => {
            await remove.mutateAsync(deleting);
          }}
          onClose={() => setDeleting(null)}
        />
      )}
    </div>
  );
}
