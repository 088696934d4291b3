import { useState } from 'react';
import type { Role } from '#api/roles/schemas';
import { useRoles } from '../../../api/roles-api.ts';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states.tsx';
import { DeleteRoleDialog } from './delete-role-dialog.tsx';
import { RoleDialog, type RoleDialogMode } from './role-dialog.tsx';

export function RolesPage() {
  const roles = useRoles();
  const [dialog, setDialog] = useState<RoleDialogMode | null>(null);
  const [toDelete, setToDelete] = useState<Role | null>(null);

  return (
    <div className="page">
      <PageHeader
        title="Roles"
        description="What each role lets people and API keys do. Built-in roles are fixed; create custom ones to fit your team."
        actions={
          <Button variant="primary" icon="plus" onClick={() => setDialog({ kind: 'create' })}>
            New role
          </Button>
        }
      />
      <Card flush>
        {roles.isPending ? (
          <LoadingState />
        ) : roles.error ? (
          <ErrorState error={roles.error} onRetry={() => void roles.refetch()} />
        ) : roles.data.length === 0 ? (
          <EmptyState icon="shield" title="No roles yet" />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Role</th>
                  <th scope="col">Description</th>
                  <th scope="col">Permissions</th>
                  <th scope="col">Members</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {roles.data.map((role) => (
                  <tr key={role.id}>
                    <td className="cell-strong">
                      {role.name} {role.isSystem && <Badge>Built-in</Badge>}
                    </td>
                    <td className="cell-muted">{role.description || '—'}</td>
                    <td>{role.permissions.length}</td>
                    <td>{role.memberCount}</td>
                    <td className="cell-actions">
                      {role.isSystem ? (
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-label={`View role ${role.name}`}
                          onClick={() => setDialog({ kind: 'view', role })}
                        >
                          View
                        </Button>
                      ) : (
                        <>
                          <Button
                            size="sm"
                            variant="ghost"
                            aria-label={`Edit role ${role.name}`}
                            onClick={() => setDialog({ kind: 'edit', role })}
                          >
                            Edit
                          </Button>
                          <Button
                            size="sm"
                            variant="ghost"
                            aria-label={`Delete role ${role.name}`}
                            onClick={() => setToDelete(role)}
                          >
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
      {dialog && <RoleDialog mode={dialog} onClose={() => setDialog(null)} />}
      {toDelete && <DeleteRoleDialog role={toDelete} onClose={() => setToDelete(null)} />}
    </div>
  );
}
