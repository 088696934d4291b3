import type { ApiRequestView } from '#api/api-requests/schemas';
import { Badge, type BadgeTone } from '../../../components/badge.tsx';
import { formatTimestamp } from '../../../lib/format-date.ts';

export function ApiRequestRow({ entry }: { entry: ApiRequestView }) {
  return (
    <tr>
      <td className="cell-muted cell-nowrap">
        <time dateTime={entry.createdAt.toISOString()} title={entry.createdAt.toLocaleString()}>
          {formatTimestamp(entry.createdAt)}
        </time>
      </td>
      <td className="cell-break">
        {entry.actorLabel} {entry.actorApiKeyId && <Badge tone="blue">API key</Badge>}
      </td>
      <td className="cell-break" title={`Route ${entry.route}`}>
        <code className="action-code">
          {entry.method} {entry.path}
        </code>
      </td>
      <td title={entry.requestId ? `Request id ${entry.requestId}` : undefined}>
        <Badge tone={toneOf(entry.status)}>{entry.status}</Badge>
      </td>
      <td className="cell-muted cell-nowrap">{entry.latencyMs} ms</td>
      <td className="cell-muted cell-nowrap">{entry.ip ?? '—'}</td>
    </tr>
  );
}

function toneOf(status: number): BadgeTone {
  if (status >= 500) {
    return 'red';
  }
  if (status === 429 || status >= 400) {
    return 'amber';
  }
  return 'green';
}
