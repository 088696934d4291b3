// The conversation's tags in their colours: remove with ×, add an existing one or create a new
// one on the spot.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ConversationDetail } from '#api/inbox/schemas';
import { addTags, removeTag } from '../../../api/inbox-actions-api.ts';
import { createTag, tagsKey, useInboxTags } from '../../../api/inbox-meta-api.ts';
import { NameDialog } from '../name-dialog.tsx';
import { TagChip } from '../tag-chip.tsx';
import { useConversationAction } from '../use-conversation-action.ts';

const NEW_TAG = '__new__';
const COLOURS = ['#2563eb', '#16a34a', '#dc2626', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#64748b'];

export function TagsSection({ conversation }: { conversation: ConversationDetail }) {
  const tags = useInboxTags().data ?? [];
  const queryClient = useQueryClient();
  const action = useConversationAction();
  const [isCreating, setCreating] = useState(false);
  const applied = new Set(conversation.tags.map((t) => t.id));
  const available = tags.filter((t) => !applied.has(t.id));
  return (
    <div className="side-block">
      <span className="side-label">Tags</span>
      <div className="side-tags" aria-label="Conversation tags">
        {conversation.tags.length === 0 && <span className="muted">No tags</span>}
        {conversation.tags.map((tag) => (
          <TagChip key={tag.id} tag={tag} onRemove={() => action.run(() => removeTag(conversation.id, tag.id))} />
        ))}
      </div>
      <select
        className="inbox-select"
        aria-label="Add a tag"
        value=""
        disabled={action.isPending}
        onChange={(e) => {
          if (e.target.value === NEW_TAG) {
            setCreating(true);
          } else if (e.target.value) {
            const tagId = e.target.value;
            action.run(() => addTags(conversation.id, [tagId]));
          }
        }}
      >
        <option value="">Add a tag…</option>
        {available.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
        <option value={NEW_TAG}>New tag…</option>
      </select>
      {isCreating && (
        <NameDialog
          title="New tag"
          label="Tag name"
          confirmLabel="Create and add"
          onSave={async (name) => {
            const tag = await createTag({ name, color: COLOURS[tags.length % COLOURS.length] });
            await queryClient.invalidateQueries({ queryKey: tagsKey });
            await action.runAsync(() => addTags(conversation.id, [tag.id]), `Tagged ${name}`);
          }}
          onClose={() => setCreating(false)}
        />
      )}
    </div>
  );
}
