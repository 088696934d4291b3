// Contact groups (the phone book): a tree of groups with their contact counts and the roles that
// may see and message their contacts. A group's restriction also covers everything nested in it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ContactGroupView } from '#api/contacts/schemas';
import { contactGroupsKey, contactsKey, deleteContactGroup, listContactGroups } from '../../api/contacts-api.ts';
import { useRoles } from '../../api/roles-api.ts';
import { useCan } from '../../auth/use-session.ts';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.tsx';
import { ContactsTabs } from './contacts-tabs.tsx';
import { GroupDialog } from './group-dialog.tsx';
import { flattenTree } from './group-tree.ts';

export function GroupsPage() {
  const can = useCan();
  const queryClient = useQueryClient();
  const groups = useQuery({ queryKey: contactGroupsKey, queryFn: listContactGroups });
  const roles = useRoles();
  const [editing, setEditing] = useState<{ group: ContactGroupView | null; parentId: string | null } | null>(null);
  const [deleting, setDeleting] = useState<ContactGroupView | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => deleteContactGroup(id),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: contactGroupsKey }),
        queryClient.invalidateQueries({ queryKey: contactsKey }),
      ]),
  });
  const manage = can('contacts.manage');
  const roleName = (id: string) => roles.data?.find((role) => role.id === id)?.name ?? 'a removed role';
  const tree = flattenTree(groups.data?.items ?? []);
  return (
    <div className="page">
      <ContactsTabs />
      <PageHeader
        title="Groups"
        description="Folders of contacts. Restrict a group to some roles and only they see and message its contacts; a contact in any group hidden from a role is hidden from it."
        actions={
          manage && (
            <Button variant="primary" icon="plus" onClick={() => setEditing({ group: null, parentId: null })}>
              New group
            </Button>
          )
        }
      />
      <Card flush>
        {groups.isPending ? (
          <LoadingState label="Loading groups…" />
        ) : groups.error ? (
          <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />
        ) : tree.length === 0 ? (
          <EmptyState
            icon="users"
            title="No groups yet"
            description="Create a group, then add contacts to it from their page."
          />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col">Contacts</th>
                  <th scope="col">Who sees it</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tree.map((group) => (
                  <tr key={group.id}>
                    <td className="cell-strong">
                      <span className="group-name" style={{ paddingLeft: `${group.depth * 20}px` }}>
                        {group.depth > 0 && <span aria-hidden="true">└ </span>}
                        {group.name}
                      </span>
                    </td>
                    <td className="cell-muted">
                      <Link to={`/contacts?groupId=${group.id}`} aria-label={`Contacts in ${group.name}`}>
                        {group.contactCount}
                      </Link>
                    </td>
                    <td className="cell-muted">
                      {group.roleIds.length === 0 ? 'Every role' : group.roleIds.map(roleName).join(', ')}
                    </td>
                    <td className="cell-actions">
                      {manage && (
                        <>
                          <Button
                            size="sm"
                            variant="ghost"
                            onClick={() => setEditing({ group: null, parentId: group.id })}
                          >
                            Add subgroup
                          </Button>
                          <Button
                            size="sm"
                            variant="ghost"
                            onClick={() => setEditing({ group, parentId: group.parentId })}
                          >
                            Edit
                          </Button>
                          <Button size="sm" variant="ghost" onClick={() => setDeleting(group)}>
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
        <GroupDialog
          existing={editing.group}
          parentId={editing.parentId}
          groups={groups.data?.items ?? []}
          roles={roles.data ?? []}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete ${deleting.name}?`}
          message="The group and its subgroups are deleted; their contacts stay in your contacts."
          confirmLabel="Delete group"
          onConfirm={async () => {
            await remove.mutateAsync(deleting.id);
          }}
          onClose={() => setDeleting(null)}
        />
      )}
    </div>
  );
}
