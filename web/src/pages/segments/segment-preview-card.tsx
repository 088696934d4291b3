// The live size of the tree being edited and its first members, newest first.
import type { SegmentGroup } from '#api/segments/schemas';
import { errorMessage } from '../../api/api-error.ts';
import { Card } from '../../components/card.tsx';
import { Spinner } from '../../components/spinner.tsx';
import { EmptyState } from '../../components/states.tsx';
import { formatRelative } from '../../lib/format-date.ts';
import { OPT_IN_LABELS } from './condition-catalog.ts';
import { useSegmentPreview } from './use-segment-preview.ts';

export function SegmentPreviewCard({ condition }: { condition: SegmentGroup }) {
  const preview = useSegmentPreview(condition);
  const loading = preview.isDebouncing || preview.isFetching;
  const count = preview.data?.count;
  return (
    <Card title="Live preview" className="segment-preview">
      <div className="segment-count" aria-live="polite">
        <span data-testid="segment-count">{count === undefined ? '—' : count.toLocaleString()}</span>{' '}
        {count === 1 ? 'contact' : 'contacts'}
        {loading && !preview.problem && (
          <span className="segment-counting">
            <Spinner /> Counting…
          </span>
        )}
      </div>
      {preview.problem ? (
        <p className="cell-muted" role="status">
          {preview.problem}
        </p>
      ) : preview.error ? (
        <p className="field-error" role="alert">
          {errorMessage(preview.error)}
        </p>
      ) : preview.data && preview.data.contacts.length === 0 ? (
        <EmptyState title="No contacts match" description="Loosen a condition or switch a group to OR." />
      ) : (
        <ul className="segment-members">
          {(preview.data?.contacts ?? []).map((contact) => (
            <li key={contact.id}>
              <span className="cell-strong">{contact.name ?? contact.profileName ?? contact.phone}</span>
              <span className="cell-muted">
                {contact.phone} · {OPT_IN_LABELS[contact.optInStatus]}
                {contact.lastInboundAt ? ` · wrote ${formatRelative(contact.lastInboundAt)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
