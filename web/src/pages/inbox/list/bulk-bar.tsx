// Actions on the selected conversations: assign, tag, change status, mark read, export as CSV.
// All or nothing on the server; the list refetches and the selection clears when done.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../api/api-error.ts';
import { bulkAssign, bulkRead, bulkStatus, bulkTags, exportConversations } from '../../../api/inbox-actions-api.ts';
import { inboxKey } from '../../../api/inbox-api.ts';
import { useInboxMembers, useInboxTags } from '../../../api/inbox-meta-api.ts';
import { useSession } from '../../../auth/use-session.ts';
import { Button } from '../../../components/button.tsx';
import { useToast } from '../../../components/toast-context.ts';

type Props = { ids: string[]; allIds: string[]; onSelect: (ids: string[]) => void; onDone: () => void };

export function BulkBar({ ids, allIds, onSelect, onDone }: Props) {
  const members = useInboxMembers().data ?? [];
  const tags = useInboxTags().data ?? [];
  const { user } = useSession();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [isPending, setPending] = useState(false);

  /** An export leaves the selection as it was: the agent often acts on the same conversations next. */
  const run = (action: () => Promise<{ updated: number } | void>, what: string, keepSelection = false) => {
    setPending(true);
    action()
      .then(async (result) => {
        await queryClient.invalidateQueries({ queryKey: inboxKey });
        toast.show(result ? `${what}: ${result.updated} updated` : what, 'success');
        if (!keepSelection) {
          onDone();
        }
      })
      .catch((error: unknown) => toast.show(errorMessage(error), 'error'))
      .finally(() => setPending(false));
  };
  const onSelectValue = (handler: (value: string) => void) => (event: React.ChangeEvent<HTMLSelectElement>) => {
    const value = event.target.value;
    event.target.value = '';
    if (value) {
      handler(value);
    }
  };

  return (
    <div className="bulk-bar" role="toolbar" aria-label="Bulk actions" aria-busy={isPending || undefined}>
      <span className="bulk-count">{ids.length} selected</span>
      {ids.length < allIds.length ? (
        <Button size="sm" variant="ghost" onClick={() => onSelect(allIds)}>
          Select all {allIds.length}
        </Button>
      ) : null}
      <Button size="sm" variant="ghost" onClick={onDone}>
        Clear
      </Button>
      <select
        aria-label="Assign selected"
        className="inbox-select"
        disabled={isPending}
        onChange={onSelectValue((value) =>
          run(
            () => bulkAssign({ ids, userId: value === 'none' ? null : value === 'me' ? user.id : value }),
            'Assigned',
          ),
        )}
      >
        <option value="">Assign…</option>
        <option value="me">Me</option>
        <option value="none">No one</option>
        {members
          .filter((m) => m.userId !== user.id)
          .map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.name}
            </option>
          ))}
      </select>
      <select
        aria-label="Tag selected"
        className="inbox-select"
        disabled={isPending || tags.length === 0}
        onChange={onSelectValue((tagId) => run(() => bulkTags({ ids, add: [tagId] }), 'Tagged'))}
      >
        <option value="">Tag…</option>
        {tags.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <select
        aria-label="Set status of selected"
        className="inbox-select"
        disabled={isPending}
        onChange={onSelectValue((status) =>
          run(() => bulkStatus({ ids, status: status as 'open' | 'pending' | 'resolved' }), 'Status changed'),
        )}
      >
        <option value="">Status…</option>
        <option value="open">Open</option>
        <option value="pending">Pending</option>
        <option value="resolved">Resolved</option>
      </select>
      <Button size="sm" disabled={isPending} onClick={() => run(() => bulkRead(ids), 'Marked read')}>
        Mark read
      </Button>
      <Button
        size="sm"
        icon="download"
        disabled={isPending}
        onClick={() => run(() => exportConversations({ ids }), 'Export downloaded', true)}
      >
        Export CSV
      </Button>
    </div>
  );
}
