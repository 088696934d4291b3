// Media: the workspace's library of images, videos, audio and documents that flows, templates and
// agents send. Search, filter by kind, sort, upload by drag and drop with progress, see what each
// file is used by, rename and delete (refused while a published flow sends the file), and how much
// of the storage quota is used (docs/media.md).
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MEDIA_KINDS, MEDIA_SORTS, type MediaItem } from '#api/media/schemas';
import { mediaKey, useMediaList, type MediaFilters } from '../../api/media-api.ts';
import { useCan } from '../../auth/use-session.ts';
import { Card } from '../../components/card.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, ErrorState, LoadingState, LoadMore } from '../../components/states.tsx';
import '../../styles/media.css';
import { DeleteMediaDialog, RenameMediaDialog } from './media-dialogs.tsx';
import { MediaTile } from './media-tile.tsx';
import { StorageBar } from './storage-bar.tsx';
import { UploadZone } from './upload-zone.tsx';

const KIND_LABELS = { image: 'Images', video: 'Videos', audio: 'Audio', document: 'Documents' } as const;
const SORT_LABELS = { newest: 'Newest first', oldest: 'Oldest first', name: 'Name', largest: 'Largest first' } as const;

export function MediaPage() {
  const can = useCan();
  const canManage = can('flows.manage');
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<MediaFilters>({ search: '', kind: '', sort: 'newest' });
  const [view, setView] = useState<'grid' | 'list'>('grid');
  const [renaming, setRenaming] = useState<MediaItem | null>(null);
  const [deleting, setDeleting] = useState<MediaItem | null>(null);
  const list = useMediaList(filters);
  const filtered = Boolean(filters.search.trim() || filters.kind);
  const refresh = () => queryClient.invalidateQueries({ queryKey: mediaKey });

  return (
    <div className="page">
      <PageHeader
        title="Media"
        description="Images, videos, audio and documents your flows, templates and agents send. Images are optimised for WhatsApp when they are uploaded."
      />
      <StorageBar />
      {canManage && <UploadZone onUploaded={() => void refresh()} />}
      <Card flush>
        <div className="card-body media-toolbar">
          <input
            className="input"
            type="search"
            placeholder="Search file names"
            aria-label="Search media"
            value={filters.search}
            onChange={(e) => setFilters({ ...filters, search: e.target.value })}
          />
          <select
            className="input"
            aria-label="Kind"
            value={filters.kind}
            onChange={(e) => setFilters({ ...filters, kind: e.target.value as MediaFilters['kind'] })}
          >
            <option value="">All kinds</option>
            {MEDIA_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
          <select
            className="input"
            aria-label="Sort"
            value={filters.sort}
            onChange={(e) => setFilters({ ...filters, sort: e.target.value as MediaFilters['sort'] })}
          >
            {MEDIA_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {SORT_LABELS[sort]}
              </option>
            ))}
          </select>
          <div className="media-view-toggle" role="group" aria-label="View">
            {(['grid', 'list'] as const).map((mode) => (
              <button
                key={mode}
                type="button"
                className="btn btn-sm btn-ghost"
                aria-pressed={view === mode}
                onClick={() => setView(mode)}
              >
                {mode === 'grid' ? 'Grid' : 'List'}
              </button>
            ))}
          </div>
        </div>
        {list.isPending ? (
          <LoadingState label="Loading the library…" />
        ) : list.error ? (
          <ErrorState error={list.error} onRetry={list.refetch} />
        ) : list.items.length === 0 ? (
          <EmptyState
            icon="file"
            title={filtered ? 'No files match' : 'No media yet'}
            description={
              filtered
                ? 'Try another name or kind.'
                : canManage
                  ? 'Drop files above, or choose them, to upload your first one.'
                  : 'Files uploaded by flow editors will show here.'
            }
          />
        ) : (
          <ul className={view === 'grid' ? 'media-grid' : 'media-list'} aria-label="Media files">
            {list.items.map((item) => (
              <MediaTile
                key={item.id}
                item={item}
                canManage={canManage}
                onRename={() => setRenaming(item)}
                onDelete={() => setDeleting(item)}
              />
            ))}
          </ul>
        )}
        <LoadMore hasMore={list.hasMore} isLoading={list.isLoadingMore} onLoadMore={list.loadMore} />
      </Card>
      {renaming && (
        <RenameMediaDialog item={renaming} onDone={() => void refresh()} onClose={() => setRenaming(null)} />
      )}
      {deleting && (
        <DeleteMediaDialog item={deleting} onDone={() => void refresh()} onClose={() => setDeleting(null)} />
      )}
    </div>
  );
}
