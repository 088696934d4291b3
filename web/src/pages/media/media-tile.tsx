// One library file: a thumbnail for images (the signed link), a kind icon otherwise, its name,
// size (and the size before optimisation), what uses it, and rename/delete for flow editors.
import type { MediaItem } from '#api/media/schemas';
import { formatBytes } from '../../api/media-api.ts';
import { Button } from '../../components/button.tsx';
import { Icon, type IconName } from '../../components/icon.tsx';

const KIND_ICONS: Record<MediaItem['kind'], IconName> = {
  image: 'file',
  video: 'file',
  audio: 'mic',
  document: 'file',
};

type Props = { item: MediaItem; canManage: boolean; onRename: () => void; onDelete: () => void };

export function MediaTile({ item, canManage, onRename, onDelete }: Props) {
  const name = item.filename ?? 'Untitled file';
  return (
    <li className="media-tile" data-testid="media-item" data-kind={item.kind}>
      <a className="media-thumb" href={item.url} target="_blank" rel="noreferrer" title={`Open ${name}`}>
        {item.kind === 'image' ? (
          <img src={item.url} alt={name} loading="lazy" />
        ) : (
          <span className="media-kind-icon" aria-hidden="true">
            <Icon name={KIND_ICONS[item.kind]} size={28} />
            <span className="media-kind-label">{extensionOf(item)}</span>
          </span>
        )}
      </a>
      <div className="media-info">
        <p className="media-name" title={name}>
          {name}
        </p>
        <p className="media-meta">
          {item.kind} · {formatBytes(item.sizeBytes)}
          {item.originalSizeBytes > item.sizeBytes && ` (was ${formatBytes(item.originalSizeBytes)})`}
          {item.width && item.height ? ` · ${item.width}×${item.height}` : ''}
        </p>
        <p className="media-usage">{usageText(item.usage)}</p>
      </div>
      {canManage && (
        <div className="media-actions">
          <Button size="sm" variant="ghost" onClick={onRename} aria-label={`Rename ${name}`}>
            Rename
          </Button>
          <Button size="sm" variant="ghost" onClick={onDelete} aria-label={`Delete ${name}`}>
            Delete
          </Button>
        </div>
      )}
    </li>
  );
}

export function usageText(usage: MediaItem['usage']): string {
  const parts = [
    usage.messages > 0 && plural(usage.messages, 'message'),
    usage.flows > 0 && plural(usage.flows, 'flow'),
    usage.templates > 0 && plural(usage.templates, 'template'),
  ].filter(Boolean);
  return parts.length === 0 ? 'Not used yet' : `Used in ${parts.join(', ')}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function extensionOf(item: MediaItem): string {
  const fromName = item.filename?.includes('.') ? item.filename.split('.').at(-1) : undefined;
  return (fromName ?? item.mimeType.split('/')[1] ?? item.kind).slice(0, 5).toUpperCase();
}
