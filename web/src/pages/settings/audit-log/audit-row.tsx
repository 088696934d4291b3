import { useId, useState } from 'react';
import type { AuditEntryView } from '#api/audit/schemas';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { formatTimestamp } from '../../../lib/format-date.ts';

export function AuditRow({ entry }: { entry: AuditEntryView }) {
  const [isOpen, setOpen] = useState(false);
  const detailsId = useId();
  return (
    <>
      <tr>
        <td className="cell-muted cell-nowrap">
          <time dateTime={entry.createdAt.toISOString()} title={entry.createdAt.toLocaleString()}>
            {formatTimestamp(entry.createdAt)}
          </time>
        </td>
        <td className="cell-break">
          {entry.actorLabel} {entry.actorApiKeyId && <Badge tone="blue">API key</Badge>}
        </td>
        <td>
          <code className="action-code">{entry.action}</code>
        </td>
        <td className="cell-break">{targetLabel(entry)}</td>
        <td className="cell-muted cell-nowrap">{entry.ip ?? '—'}</td>
        <td className="cell-actions">
          <Button
            size="sm"
            variant="ghost"
            aria-expanded={isOpen}
            aria-controls={isOpen ? detailsId : undefined}
            onClick={() => setOpen((open) => !open)}
          >
            {isOpen ? 'Hide' : 'Details'}
          </Button>
        </td>
      </tr>
      {isOpen && (
        <tr id={detailsId} className="details-row">
          <td colSpan={6}>
            <dl className="details details-panel">
              <dt>Target id</dt>
              <dd>{entry.targetId ?? '—'}</dd>
              <dt>User agent</dt>
              <dd>{entry.userAgent ?? '—'}</dd>
              <dt>Metadata</dt>
              <dd>
                <pre className="code-block">{JSON.stringify(entry.metadata, null, 2)}</pre>
              </dd>
            </dl>
          </td>
        </tr>
      )}
    </>
  );
}

/** The type plus the most human detail the metadata holds (an e-mail or a name), else a short id. */
function targetLabel(entry: AuditEntryView): string {
  if (!entry.targetType) {
    return '—';
  }
  const { email, name } = entry.metadata;
  const detail = typeof email === 'string' ? email : typeof name === 'string' ? name : entry.targetId?.slice(0, 8);
  return detail ? `${entry.targetType} · ${detail}` : entry.targetType;
}
