// How much of the workspace's media storage quota the library uses.
import { formatBytes, useMediaStorage } from '../../api/media-api.ts';
import { cx } from '../../lib/cx.ts';

export function StorageBar() {
  const storage = useMediaStorage();
  if (!storage.data) {
    return null;
  }
  const { usedBytes, quotaBytes, files } = storage.data;
  const share = Math.min(1, usedBytes / quotaBytes);
  return (
    <div className={cx('media-storage', share >= 0.9 && 'is-full')} data-testid="media-storage">
      <div className="media-storage-text">
        <span>
          {formatBytes(usedBytes)} of {formatBytes(quotaBytes)} used
        </span>
        <span className="cell-muted">
          {files} file{files === 1 ? '' : 's'}
        </span>
      </div>
      <progress max={1} value={share} aria-label="Media storage used" />
    </div>
  );
}
