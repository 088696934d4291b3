// Settings → Canned responses: my own saved replies and the workspace's shared ones (managed by
// members with canned.manage), with how often each is used. The composer inserts them with /.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CannedResponseView } from '#api/canned-responses/schemas';
import { cannedResponsesKey, deleteCannedResponse, listCannedResponses } from '../../../api/canned-responses-api.ts';
import { useCan } from '../../../auth/use-session.ts';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states.tsx';
import { CannedResponseDialog } from './canned-response-dialog.tsx';

export function CannedResponsesPage() {
  const [search, setSearch] = useState('');
  const [scope, setScope] = useState('');
  const [editing, setEditing] = useState<CannedResponseView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CannedResponseView | null>(null);
  const can = useCan();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: [...cannedResponsesKey, search, scope],
    queryFn: () => listCannedResponses({ search, scope }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => deleteCannedResponse(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cannedResponsesKey }),
  });
  return (
    <div className="page">
      <PageHeader
        title="Canned responses"
        description="Saved replies agents insert by typing / in the composer. Yours are private; shared ones are for everyone."
        actions={
          <Button variant="primary" icon="plus" onClick={() => setEditing('new')}>
            New response
          </Button>
        }
      />
      <Card flush>
        <div className="card-body">
          <input
            className="input"
            type="search"
            placeholder="Search shortcut, title or text"
            aria-label="Search canned responses"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />{' '}
          <select className="input" aria-label="Scope" value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value="">Mine and shared</option>
            <option value="personal">Only mine</option>
            <option value="shared">Only shared</option>
          </select>
        </div>
        {list.isPending ? (
          <LoadingState />
        ) : list.error ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <EmptyState
            title="No canned responses yet"
            description="Create one, then type / in a conversation to use it."
          />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Shortcut</th>
                  <th scope="col">Title</th>
                  <th scope="col">Category</th>
                  <th scope="col">Scope</th>
                  <th scope="col">Uses</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((item) => (
                  <tr key={item.id}>
                    <td className="cell-strong">/{item.shortcut}</td>
                    <td>{item.title}</td>
                    <td className="cell-muted">{item.category ?? '—'}</td>
                    <td className="cell-muted">{item.scope === 'shared' ? 'Shared' : 'Mine'}</td>
                    <td className="cell-muted">{item.usageCount}</td>
                    <td className="cell-actions">
                      {item.canEdit && (
                        <>
                          <Button
                            size="sm"
                            variant="ghost"
                            aria-label={`Edit /${item.shortcut}`}
                            onClick={() => setEditing(item)}
                          >
                            Edit
                          </Button>
                          <Button
                            size="sm"
                            variant="ghost"
                            aria-label={`Delete /${item.shortcut}`}
                            onClick={() => setDeleting(item)}
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
      {editing && (
        <CannedResponseDialog
          existing={editing === 'new' ? null : editing}
          canShare={can('canned.manage')}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete this canned response?"
          message={`/${deleting.shortcut} will no longer be offered in the composer.`}
          confirmLabel="Delete"
          onConfirm={async () => {
            await remove.mutateAsync(deleting.id);
          }}
          onClose={() => setDeleting(null)}
        />
      )}
    </div>
  );
}
