// A conversation tag in its colour, optionally with a remove button.
import type { z } from 'zod';
import type { tagRefSchema } from '#api/inbox/schemas';

type TagRef = z.infer<typeof tagRefSchema>;

export function TagChip({ tag, onRemove }: { tag: TagRef; onRemove?: () => void }) {
  return (
    <span className="tag-chip" style={{ ['--tag-color' as string]: tag.color }} data-testid="tag-chip">
      <span className="tag-dot" aria-hidden="true" />
      {tag.name}
      {onRemove && (
        <button type="button" className="tag-remove" aria-label={`Remove tag ${tag.name}`} onClick={onRemove}>
          ×
        </button>
      )}
    </span>
  );
}
