// Contacts → Segments: saved segments with their live size (each counted as the page opens; the
// last known size shows meanwhile), when they changed, and a way to delete them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Segment } from '#api/segments/schemas';
import { errorMessage } from '../../api/api-error.ts';
import { countSavedSegment, deleteSegment, listSegments, segmentsKey } from '../../api/segments-api.ts';
import { useCan } from '../../auth/use-session.ts';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { Spinner } from '../../components/spinner.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.tsx';
import { formatRelative } from '../../lib/format-date.ts';
import { ContactsTabs } from '../contacts/contacts-tabs.tsx';
import '../../styles/segments.css';

export function SegmentsPage() {
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [deleting, setDeleting] = useState<Segment | null>(null);
  const list = useQuery({ queryKey: [...segmentsKey, 'list'], queryFn: listSegments });
  const remove = useMutation({
    mutationFn: (id: string) => deleteSegment(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: segmentsKey }),
  });
  const create = can('contacts.manage') ? (
    <Button variant="primary" icon="plus" onClick={() => void navigate('/contacts/segments/new')}>
      New segment
    </Button>
  ) : undefined;
  return (
    <div className="page">
      <ContactsTabs />
      <PageHeader
        title="Segments"
        description="Saved audiences built from conditions. They are dynamic: campaigns and automation re-evaluate them whenever they are used."
        actions={create}
      />
      <Card flush>
        {list.isPending ? (
          <LoadingState />
        ) : list.error ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <EmptyState
            icon="filter"
            title="No segments yet"
            description="Combine fields, tags, groups, opt-in and engagement into an audience, and see its size as you build it."
            action={create}
          />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Contacts now</th>
                  <th scope="col">Updated</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((segment) => (
                  <tr key={segment.id}>
                    <td>
                      <Link className="cell-strong" to={`/contacts/segments/${segment.id}`}>
                        {segment.name}
                      </Link>
                      {segment.description && <div className="cell-muted">{segment.description}</div>}
                    </td>
                    <td>
                      <LiveCount segment={segment} />
                    </td>
                    <td className="cell-muted">{formatRelative(segment.updatedAt)}</td>
                    <td className="cell-actions">
                      {can('contacts.manage') && (
                        <Button size="sm" variant="ghost" onClick={() => setDeleting(segment)}>
                          Delete
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {deleting && (
        <ConfirmDialog
          title="Delete this segment?"
          message={`“${deleting.name}” will be gone; its contacts stay.`}
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

function LiveCount({ segment }: { segment: Segment }) {
  const count = useQuery({
    queryKey: [...segmentsKey, segment.id, 'count', segment.updatedAt.toISOString()],
    queryFn: () => countSavedSegment(segment.id),
    retry: false,
  });
  if (count.error) {
    return (
      <span className="field-error" title={errorMessage(count.error)}>
        Cannot count: {errorMessage(count.error)}
      </span>
    );
  }
  const figure = count.data?.count ?? segment.lastCount;
  return (
    <span className="segment-live-count">
      {figure === null ? '—' : figure.toLocaleString()}
      {count.isPending && <Spinner />}
    </span>
  );
}
